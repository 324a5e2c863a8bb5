import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import '../../styles/auth.css';

export function SignInPage() {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const expired = (useLocation().state as { ended?: string } | null)?.ended === 'expired';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty field is told here, in the page's language, rather than as the server's invalid input.
    const empty = !email.trim() ? emailField : !password ? passwordField : null;
    if (empty) {
      setError(t(empty === emailField ? 'signin.needEmail' : 'signin.needPassword'));
      empty.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setSession(await api.session.signIn(email.trim(), password));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <AuthCard>
      <Page title={t('signin.title')} lead={t('signin.intro')}>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {expired && !error ? <p className="alert alert-info" role="status">{t('errors.unauthenticated')}</p> : null}
          <ErrorAlert>{typeof error === 'string' ? error : error ? errorMessage(t, error) : null}</ErrorAlert>
          <TextField ref={emailField} label={t('common.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <TextField ref={passwordField} label={t('common.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('signin.busy') : t('signin.submit')}
          </button>
        </form>
        <p className="auth-aside">
          <Link to="/forgot-password" state={{ email: email.trim() }}>
            {t('signin.forgot')}
          </Link>
        </p>
      </Page>
    </AuthCard>
  );
}
