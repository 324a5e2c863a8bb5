import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { useLoad } from '../../app/useLoad.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { MIN_PASSWORD } from './SetupPage.js';
import '../../styles/auth.css';

function NewPasswordForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { setSession } = useSession();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < MIN_PASSWORD) return setError(t('setup.tooShort'));
    if (next !== repeat) return setError(t('account.mismatch'));
    setBusy(true);
    setError(null);
    try {
      setSession(await api.passwordReset.confirm(token, next));
      navigate('/', { replace: true });
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert>{error}</ErrorAlert>
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" className="visually-hidden" autoComplete="username" value={email} readOnly tabIndex={-1} aria-hidden="true" />
      <TextField label={t('account.new')} type="password" autoComplete="new-password" required hint={t('setup.passwordHint')} value={next} onChange={(e) => setNext(e.target.value)} />
      <TextField label={t('account.repeat')} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('reset.busy') : t('reset.submit')}
      </button>
    </form>
  );
}

/** Where the link sent by e-mail leads: choose a new password, once. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [link] = useLoad(() => api.passwordReset.check(token), [token]);

  if (link.status === 'loading') return <AuthCard><Loading /></AuthCard>;
  if (link.status === 'failed') {
    const spent = link.error instanceof ApiError && link.error.code === 'reset_link_invalid';
    return (
      <AuthCard>
        <Page title={t('reset.invalidTitle')}>
          {spent ? <p>{t('reset.invalid')}</p> : <ErrorAlert>{errorMessage(t, link.error)}</ErrorAlert>}
          <p className="auth-aside">
            <Link to="/forgot-password">{t('reset.again')}</Link>
          </p>
        </Page>
      </AuthCard>
    );
  }
  return (
    <AuthCard>
      <Page title={t('reset.title')} lead={t('reset.intro', { email: link.data.email })}>
        <NewPasswordForm token={token} email={link.data.email} />
      </Page>
    </AuthCard>
  );
}
