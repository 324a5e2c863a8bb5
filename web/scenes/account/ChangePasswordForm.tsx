import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { MIN_PASSWORD } from '../auth/SetupPage.js';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    // Checked here in the app's language (the form asks the browser for nothing).
    if (!current) return setError(t('account.needCurrent'));
    if (next.length < MIN_PASSWORD) return setError(t('setup.tooShort'));
    if (next !== repeat) return setError(t('account.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api.session.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <StatusMessage>{done ? t('account.done') : null}</StatusMessage>
        <TextField label={t('account.current')} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        <TextField label={t('account.new')} type="password" autoComplete="new-password" required hint={t('setup.passwordHint')} value={next} onChange={(e) => setNext(e.target.value)} />
        <TextField label={t('account.repeat')} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('account.submit')}
        </button>
      </form>
    </section>
  );
}
