import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { TextField } from '../../components/Field.js';
import { connectError, type ConnectForm } from './connect-error.js';

export interface BlueskyPrefill {
  identifier: string;
  service: string;
  /** Makes a second Reconnect on the same account reset the form. */
  at: number;
}

/** Connect (or reconnect) a Bluesky account with an app password, never the account's main password. */
interface ConnectBlueskyProps {
  prefill: BlueskyPrefill | null;
  onConnected: (message: string) => void;
  /** The form the user last started to use; this one's error goes when it is another. */
  attempt: ConnectForm | null;
  onAttempt: () => void;
}

export function ConnectBluesky({ prefill, onConnected, attempt, onAttempt }: ConnectBlueskyProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [identifier, setIdentifier] = useState(prefill?.identifier ?? '');
  const [appPassword, setAppPassword] = useState('');
  const [service, setService] = useState(prefill && prefill.service !== 'https://bsky.social' ? prefill.service : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = { handle: useRef<HTMLInputElement>(null), appPassword: useRef<HTMLInputElement>(null), pds: useRef<HTMLInputElement>(null) };

  useEffect(() => {
    if (attempt !== 'bluesky') setError(null);
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onAttempt();
    const handle = identifier.trim().replace(/^@/, '');
    const pds = webAddress(service.trim());
    // Said in the app's language, with the focus on the field, rather than by the browser in its own.
    const gap = !handle ? 'handle' : !appPassword.trim() ? 'appPassword' : pds === null ? 'pds' : null;
    if (gap) {
      setError(t(gap === 'handle' ? 'accounts.needHandle' : gap === 'appPassword' ? 'accounts.needAppPassword' : 'accounts.badPds', { address: service.trim() }));
      fields[gap].current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await publishing.accounts.connectBluesky(workspace.workspaceId, { identifier: handle, appPassword, service: pds || undefined });
      setAppPassword('');
      onConnected(t('accounts.connected', { handle }));
    } catch (caught) {
      setError(connectError(t, caught, pds || 'bsky.social'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="connect-bluesky">
      <h2 id="connect-bluesky">{t('accounts.blueskyTitle')}</h2>
      <p className="hint">{t('accounts.appPasswordHelp')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onInput={onAttempt}>
        <ErrorAlert>{error}</ErrorAlert>
        <TextField ref={fields.handle} label={t('accounts.handle')} hint={t('accounts.handleHint')} required autoComplete="off" value={identifier} onChange={(e) => setIdentifier(e.target.value)} autoFocus={prefill !== null} />
        <TextField ref={fields.appPassword} label={t('accounts.appPassword')} hint={t('accounts.appPasswordHint')} type="password" required autoComplete="off" value={appPassword} onChange={(e) => setAppPassword(e.target.value)} />
        <TextField ref={fields.pds} label={`${t('accounts.pds')} (${t('common.optional')})`} hint={t('accounts.pdsHint')} type="url" placeholder="https://bsky.social" value={service} onChange={(e) => setService(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('accounts.connecting') : t('accounts.connectBluesky')}
        </button>
      </form>
    </section>
  );
}

/** A server address as people write it ("pds.example.org"), read over https; '' when none is given, null when it is no address. */
function webAddress(typed: string): string | null {
  if (!typed) return '';
  const address = /^https?:\/\//i.test(typed) ? typed : `https://${typed}`;
  try {
    const { hostname } = new URL(address);
    return /[.:]/.test(hostname) || hostname === 'localhost' ? address : null;
  } catch {
    return null;
  }
}
