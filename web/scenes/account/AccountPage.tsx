import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.js';
import { Page } from '../../components/Page.js';
import { useWhen } from '../../app/useWhen.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const session = useSignedIn();
  return (
    <Page title={t('account.title')}>
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <dl className="facts">
          <dt>{t('common.name')}</dt>
          <dd>{session.user.name}</dd>
          <dt>{t('common.email')}</dt>
          <dd>{session.user.email}</dd>
        </dl>
        <p className="muted">{t('account.sessionEnds', { date: clock.dateTime(session.expiresAt) })}</p>
      </section>
      <section className="card" aria-labelledby="account-notifications">
        <h2 id="account-notifications">{t('notifications.title')}</h2>
        <p className="muted">{t('notifications.prefs.lead')}</p>
        <Link to="/account/notifications">{t('notifications.settings')}</Link>
      </section>
      <ChangePasswordForm />
    </Page>
  );
}
