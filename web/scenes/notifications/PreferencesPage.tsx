import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationKindPreference, NotificationPreferencesView } from '../../../src/shared/notifications.js';
import { notificationsApi } from '../../api/notifications.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { kindHint, kindLabel } from './text.js';
import '../../styles/notifications.css';

/** Per kind: in the app, by e-mail. Each switch saves at once. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const [loaded] = useLoad(() => notificationsApi.preferences(), []);
  return (
    <Page title={t('notifications.prefs.title')} lead={t('notifications.prefs.lead')}>
      <p>
        <Link to="/account">{t('notifications.prefs.back')}</Link>
      </p>
      {loaded.status === 'loading' ? <Loading /> : null}
      {loaded.status === 'failed' ? <ErrorAlert>{errorMessage(t, loaded.error)}</ErrorAlert> : null}
      {loaded.status === 'ready' ? <PreferencesTable initial={loaded.data} /> : null}
    </Page>
  );
}

function PreferencesTable({ initial }: { initial: NotificationPreferencesView }) {
  const { t, i18n } = useTranslation();
  const [prefs, setPrefs] = useState(initial);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);

  const change = async (kind: string, field: 'inApp' | 'email', value: boolean) => {
    const before = prefs;
    const kinds = prefs.kinds.map((k) => (k.kind === kind ? { ...k, [field]: value } : k));
    setPrefs({ ...prefs, kinds });
    setStatus('');
    try {
      setPrefs(await notificationsApi.savePreferences({ kinds: [{ kind, [field]: value }] }));
      setStatus(t('notifications.prefs.saved', { kind: kindLabel(t, kind) }));
      setError(null);
    } catch (err) {
      setPrefs(before);
      setError(err);
    }
  };

  // On a phone the columns' headings are hidden and each switch carries its own word beside it.
  const toggle = (k: NotificationKindPreference, field: 'inApp' | 'email', label: string, disabled = false) => (
    <label className="notif-prefs-cell">
      <input type="checkbox" className="notif-switch" aria-label={label} checked={k[field]} disabled={disabled} onChange={(e) => void change(k.kind, field, e.target.checked)} />
      <span className="notif-prefs-cell-word" aria-hidden="true">
        {t(field === 'inApp' ? 'notifications.prefs.inApp' : 'notifications.prefs.email')}
      </span>
    </label>
  );

  return (
    <section className="card">
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error ? errorMessage(t, error) : null}</ErrorAlert>
      <p className="hint notif-prefs-note">
        {prefs.emailAvailable
          ? t('notifications.prefs.language', { language: t(`lang.${i18n.resolvedLanguage === 'fr' ? 'fr' : 'en'}`) })
          : t('notifications.prefs.noEmail')}
      </p>
      <div className="table-wrap">
        <table className="notif-prefs">
          <thead>
            <tr>
              <th scope="col">{t('notifications.prefs.kind')}</th>
              <th scope="col">{t('notifications.prefs.inApp')}</th>
              <th scope="col">{t('notifications.prefs.email')}</th>
            </tr>
          </thead>
          <tbody>
            {prefs.kinds.map((k) => {
              const label = kindLabel(t, k.kind);
              return (
                <tr key={k.kind}>
                  <th scope="row">
                    <span className="notif-prefs-label">{label}</span>
                    <span className="hint">{kindHint(t, k.kind)}</span>
                  </th>
                  <td>{toggle(k, 'inApp', t('notifications.prefs.inAppFor', { kind: label }))}</td>
                  <td>{toggle(k, 'email', t('notifications.prefs.emailFor', { kind: label }), !prefs.emailAvailable)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
