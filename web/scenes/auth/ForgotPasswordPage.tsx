import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLoad } from '../../app/useLoad.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { isLocale } from '../../lib/locale.js';
import '../../styles/auth.css';

/**
 * "Forgot your password?": a link by e-mail when this install sends e-mail, else who can reset it. The page
 * says the same thing whatever the address, as the server does.
 */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const typed = (useLocation().state as { email?: string } | null)?.email ?? '';
  const [status] = useLoad(() => api.passwordReset.status(), []);
  const [email, setEmail] = useState(typed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ email: string; minutes: number } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) return;
    setBusy(true);
    setError(null);
    try {
      const { linkMinutes } = await api.passwordReset.request(address, isLocale(i18n.language) ? i18n.language : 'en');
      setSent({ email: address, minutes: linkMinutes });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <p className="auth-aside">
      <Link to="/signin">{t('forgot.back')}</Link>
    </p>
  );

  if (status.status === 'loading') return <AuthCard><Loading /></AuthCard>;
  if (status.status === 'ready' && !status.data.byEmail) {
    return (
      <AuthCard>
        <Page title={t('forgot.title')} lead={t('forgot.noEmail')}>
          <p className="muted">{t('forgot.adminCommand')}</p>
          <pre className="command">
            <code>npm run ruche -- admin reset-password --email {email.trim() || 'you@example.com'}</code>
          </pre>
          {back}
        </Page>
      </AuthCard>
    );
  }
  return (
    <AuthCard>
      <Page title={t('forgot.title')} lead={sent ? undefined : t('forgot.intro')}>
        {status.status === 'failed' ? <ErrorAlert>{errorMessage(t, status.error)}</ErrorAlert> : null}
        {sent ? (
          <div role="status" className="auth-sent">
            <p className="alert alert-success">{t('forgot.sent', { email: sent.email, minutes: sent.minutes })}</p>
            <p className="muted">{t('forgot.sentHint')}</p>
          </div>
        ) : (
          <form className="form" onSubmit={(e) => void submit(e)} noValidate>
            <ErrorAlert>{error ? errorMessage(t, error) : null}</ErrorAlert>
            <TextField label={t('common.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('forgot.busy') : t('forgot.submit')}
            </button>
          </form>
        )}
        {back}
      </Page>
    </AuthCard>
  );
}
