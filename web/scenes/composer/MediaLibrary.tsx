import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { UserText } from '../../components/UserText.js';
import { MediaThumb } from './MediaThumb.js';

const PAUSE_MS = 250;

interface MediaLibraryProps {
  /** Images already in the post. */
  chosen: string[];
  onPick: (media: MediaView) => void;
}

/** The workspace's earlier uploads, newest first, found by file name or description. */
export function MediaLibrary({ chosen, onPick }: MediaLibraryProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; items: MediaView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      publishing.media
        .list(workspace.workspaceId, query)
        .then(({ items }) => {
          if (!current) return;
          setFound({ query, items });
          setError(null);
        })
        .catch((caught: unknown) => current && setError(errorMessage(t, caught)));
    }, query ? PAUSE_MS : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [workspace.workspaceId, query, t]);

  return (
    <section className="media-library" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('composer.library')}</h4>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('composer.librarySearch')}</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <p className="muted" role="status">
        {found && found.items.length === 0 ? t(found.query ? 'composer.libraryNone' : 'composer.libraryEmpty') : ''}
      </p>
      {found && found.items.length ? (
        <ul className="library-grid">
          {found.items.map((m) => {
            const inPost = chosen.includes(m.id);
            return (
              <li key={m.id}>
                <MediaThumb media={m} alt="" className="library-thumb" lazy />
                <span className="library-name"><UserText>{m.fileName}</UserText></span>
                <span className={m.alt ? 'library-alt' : 'library-alt muted'}>{m.alt || t('composer.libraryNoAlt')}</span>
                {inPost ? (
                  <span className="tag">{t('composer.libraryInPost')}</span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => onPick(m)}>
                    {t('composer.libraryUse', { name: showDirectionControls(m.fileName) })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
