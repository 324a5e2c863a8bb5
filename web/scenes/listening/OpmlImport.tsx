import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert.js';
import { FilePicker } from '../../components/FilePicker.js';
import { UserText } from '../../components/UserText.js';
import { listeningApi, type OpmlResult } from './api.js';
import { listeningError } from './names.js';

// The server refuses more; saying so before the upload spares the wait.
const MAX_BYTES = 2 * 1024 * 1024;
const REASONS = ['not_a_web_address', 'duplicate', 'too_many_feeds'];

/** Follows every feed of a feed reader's export (OPML) at once, and says what was added, known, or left out. */
export function OpmlImport({ workspaceId, onImported }: { workspaceId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [result, setResult] = useState<OpmlResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(t('listening.sources.opml.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      setResult(await listeningApi.importOpml(workspaceId, await file.text()));
      onImported();
    } catch (e) {
      setError(listeningError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="opml-import">
      <div className="field">
        <FilePicker
          label={t('listening.sources.opml.label')}
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          chosen={chosen}
          disabled={busy}
          describedBy={`${id}-hint`}
          onPick={(file) => {
            setChosen(file?.name ?? null);
            void upload(file ?? undefined);
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          {t('listening.sources.opml.hint')}
        </p>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <div role="status">
        {result ? (
          <div className="alert alert-success">
            <p>{t('listening.sources.opml.result', { added: result.added, existing: result.existing, skipped: result.skipped.length })}</p>
            {result.skipped.length > 0 ? (
              <ul className="opml-skipped">
                {result.skipped.slice(0, 20).map((s, n) => (
                  <li key={n}>
                    {REASONS.includes(s.reason) ? t(`listening.sources.opml.reasons.${s.reason}`) : <UserText>{String(s.reason).slice(0, 100)}</UserText>}
                    {s.xmlUrl ? (
                      <>
                        {' '}
                        <UserText className="muted">{String(s.xmlUrl).slice(0, 200)}</UserText>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
