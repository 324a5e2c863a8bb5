import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { FilePicker } from '../../components/FilePicker.js';
import { errorMessage } from '../../lib/errors.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { AltText } from './AltText.js';
import { MediaLibrary } from './MediaLibrary.js';
import { MediaThumb } from './MediaThumb.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime,video/webm';

interface MediaPickerProps {
  media: MediaView[];
  onChange: (media: MediaView[]) => void;
  onAnnounce: (message: string) => void;
  disabled?: boolean;
}

/** Images with their alt text, uploaded or taken from the media library: an image is only added once it is described. */
export function MediaPicker({ media, onChange, onAnnounce, disabled }: MediaPickerProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [busy, setBusy] = useState(false);
  const [library, setLibrary] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    if (!file) return;
    if (!alt.trim()) return setError(t('composer.altRequired'));
    setBusy(true);
    setError(null);
    try {
      const added = await publishing.media.upload(workspace.workspaceId, file, alt.trim());
      onChange([...media, added]);
      onAnnounce(t('composer.imageAdded', { name: showDirectionControls(added.fileName) }));
      setFile(null);
      setAlt('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const describe = async (m: MediaView, text: string) => {
    if (text === m.alt) return;
    try {
      const updated = await publishing.media.describe(workspace.workspaceId, m.id, text);
      onChange(media.map((x) => (x.id === m.id ? updated : x)));
      onAnnounce(t('composer.altSaved'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  const reuse = (m: MediaView) => {
    onChange([...media, m]);
    onAnnounce(t('composer.libraryAdded', { name: showDirectionControls(m.fileName) }));
    // An image without a description is added all the same; its alt text box is right there to fill.
    if (!m.alt.trim()) setError(t('composer.libraryNeedsAlt', { name: showDirectionControls(m.fileName) }));
    else setError(null);
  };

  return (
    <section className="media-picker" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('composer.images')}</h3>
      <ErrorAlert>{error}</ErrorAlert>
      {media.length ? (
        <ul className="media-list">
          {media.map((m) => (
            <li key={m.id}>
              <MediaThumb media={m} className="thumb" />
              <AltText label={t('composer.altFor', { name: showDirectionControls(m.fileName) })} defaultValue={m.alt} disabled={disabled} onCommit={(text) => void describe(m, text)} />
              <button type="button" className="button button-small" disabled={disabled} aria-label={t('composer.removeImage', { name: showDirectionControls(m.fileName) })} onClick={() => onChange(media.filter((x) => x.id !== m.id))}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <div className="media-add">
          <FilePicker label={t('composer.chooseImage')} accept={ACCEPT} chosen={file ? showDirectionControls(file.name) : null} onPick={setFile} inputRef={fileInput} />
          {file ? (
            <>
              <AltText
                label={t('composer.alt')}
                required
                hint={t('composer.altHint')}
                value={alt}
                onChange={setAlt}
              />
              <button type="button" className="button" onClick={() => void upload()} disabled={busy}>
                {busy ? t('composer.uploading') : t('composer.addImage')}
              </button>
            </>
          ) : null}
          <button type="button" className="button button-small media-library-toggle" aria-expanded={library} onClick={() => setLibrary(!library)}>
            {library ? t('composer.libraryClose') : t('composer.libraryOpen')}
          </button>
          {library ? <MediaLibrary chosen={media.map((m) => m.id)} onPick={reuse} /> : null}
        </div>
      )}
    </section>
  );
}
