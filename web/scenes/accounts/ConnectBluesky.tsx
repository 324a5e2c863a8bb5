import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { TextField } from '../../components/Field.js';
import { errorMessage } from '../../lib/errors.js';

export interface BlueskyPrefill {
  identifier: string;
  service: string;
  /** Makes a second Reconnect on the same account reset the form. */
  at: number;
}

/** Connect (or reconnect) a Bluesky account with an app password, never the account's main password. */
export function ConnectBluesky({ prefill, onConnected }: { prefill: BlueskyPrefill | null; onConnected: (message: string) => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [identifier, setIdentifier] = useState(prefill?.identifier ?? '');
  const [appPassword, setAppPassword] = useState('');
  const [service, setService] = useState(prefill && prefill.service !== 'https://bsky.social' ? prefill.service : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const handle = identifier.trim().replace(/^@/, '');
      await publishing.accounts.connectBluesky(workspace.workspaceId, { identifier: handle, appPassword, service: service.trim() || undefined });
      setAppPassword('');
      onConnected(t('accounts.connected', { handle }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="connect-bluesky">
      <h2 id="connect-bluesky">{t('accounts.blueskyTitle')}</h2>
      <p className="hint">{t('accounts.appPasswordHelp')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <TextField label={t('accounts.handle')} hint={t('accounts.handleHint')} required autoComplete="off" value={identifier} onChange={(e) => setIdentifier(e.target.value)} autoFocus={prefill !== null} />
        <TextField label={t('accounts.appPassword')} hint={t('accounts.appPasswordHint')} type="password" required autoComplete="off" value={appPassword} onChange={(e) => setAppPassword(e.target.value)} />
        <TextField label={`${t('accounts.pds')} (${t('common.optional')})`} hint={t('accounts.pdsHint')} type="url" placeholder="https://bsky.social" value={service} onChange={(e) => setService(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('accounts.connecting') : t('accounts.connectBluesky')}
        </button>
      </form>
    </section>
  );
}
