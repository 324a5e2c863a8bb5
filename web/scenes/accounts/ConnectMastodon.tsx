import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { TextField } from '../../components/Field.js';
import { connectError, type ConnectForm } from './connect-error.js';

/** Connect a Mastodon account: the instance asks its user to authorise Ruche, then sends them back here. */
export function ConnectMastodon({ attempt, onAttempt }: { attempt: ConnectForm | null; onAttempt: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [instance, setInstance] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (attempt !== 'mastodon') setError(null);
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onAttempt();
    // Said in the app's language, rather than by the browser or the server in English.
    const wrong = instanceProblem(instance.trim());
    if (wrong) {
      setError(t(wrong, { instance: instance.trim() }));
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { authorizeUrl } = await publishing.accounts.connectMastodon(workspace.workspaceId, instance.trim());
      window.location.assign(authorizeUrl);
    } catch (caught) {
      setError(connectError(t, caught, instance.trim()));
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="connect-mastodon">
      <h2 id="connect-mastodon">{t('accounts.mastodonTitle')}</h2>
      <p className="hint">{t('accounts.mastodonHelp')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onInput={onAttempt}>
        <ErrorAlert>{error}</ErrorAlert>
        <TextField ref={field} label={t('accounts.instance')} hint={t('accounts.instanceHint')} required placeholder="mastodon.social" value={instance} onChange={(e) => setInstance(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('accounts.connecting') : t('accounts.connectMastodon')}
        </button>
      </form>
    </section>
  );
}

/** What is wrong with an instance address as typed ("mastodon.social", "https://x.y/"), as a text key, or null. */
function instanceProblem(instance: string): string | null {
  if (!instance) return 'accounts.needInstance';
  try {
    const url = new URL(/^https?:\/\//i.test(instance) ? instance : `https://${instance}`);
    return /[.:]/.test(url.hostname) || url.hostname === 'localhost' ? null : 'accounts.badInstance';
  } catch {
    return 'accounts.badInstance';
  }
}
