import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { TextField } from '../../components/Field.js';
import { UserText } from '../../components/UserText.js';
import { listeningApi } from './api.js';
import { listeningError } from './names.js';
import { useMailAvailable } from '../notifications/useMailAvailable.js';

/** Where alerts go besides the app: members' e-mail, and a signed webhook (Slack, Teams or your own). */
export function AlertSettings({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [loaded, reload] = useLoad(() => listeningApi.settings(workspaceId), [workspaceId]);
  const [webhookUrl, setWebhookUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [clearSecret, setClearSecret] = useState(false);
  const [emailAlerts, setEmailAlerts] = useState(true);
  const mail = useMailAvailable();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settings = loaded.status === 'ready' ? loaded.data : null;

  useEffect(() => {
    if (!settings) return;
    setWebhookUrl(settings.webhookUrl ?? '');
    setEmailAlerts(settings.emailAlerts);
  }, [settings]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const body: { webhookUrl: string | null; webhookSecret?: string | null; emailAlerts: boolean } = { webhookUrl: webhookUrl.trim() || null, emailAlerts };
      if (secret) body.webhookSecret = secret;
      else if (clearSecret) body.webhookSecret = null;
      await listeningApi.saveSettings(workspaceId, body);
      setSecret('');
      setClearSecret(false);
      setStatus(t('listening.settings.saved'));
      await reload();
    } catch (e) {
      setError(listeningError(t, e));
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const r = await listeningApi.testWebhook(workspaceId);
      if (r.ok) setStatus(t('listening.settings.testOk', { status: r.status ?? '' }));
      else setError(r.status ? t('listening.settings.testStatus', { status: r.status }) : t('listening.settings.testFailed', { error: (r.error ?? '').slice(0, 200) }));
    } catch (e) {
      setError(listeningError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('listening.settings.title')}</h2>
      <p className="hint">{t('listening.settings.lead')}</p>
      <LoadStatus loaded={loaded} reload={reload} />
      {settings ? (
        <form className="form" onSubmit={save}>
          <label className="topic-check">
            <input type="checkbox" checked={emailAlerts} disabled={!canManage} onChange={(e) => setEmailAlerts(e.target.checked)} />
            {t('listening.settings.email')}
          </label>
          {mail ? null : <p className="hint listening-warning">{t('listening.settings.noMail')}</p>}
          <TextField
            label={t('listening.settings.webhookUrl')}
            hint={t('listening.settings.webhookUrlHint')}
            type="url"
            inputMode="url"
            maxLength={2048}
            value={webhookUrl}
            readOnly={!canManage}
            onChange={(e) => setWebhookUrl(e.target.value)}
          />
          <TextField
            label={t('listening.settings.secret')}
            hint={settings.hasSecret ? t('listening.settings.secretKept') : t('listening.settings.secretHint')}
            type="password"
            autoComplete="new-password"
            maxLength={200}
            value={secret}
            readOnly={!canManage}
            onChange={(e) => setSecret(e.target.value)}
          />
          {settings.hasSecret && canManage ? (
            <label className="topic-check">
              <input type="checkbox" checked={clearSecret} onChange={(e) => setClearSecret(e.target.checked)} />
              {t('listening.settings.clearSecret')}
            </label>
          ) : null}
          <ErrorAlert>{error}</ErrorAlert>
          <StatusMessage>{status}</StatusMessage>
          {canManage ? (
            <div className="cell-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('listening.settings.save')}
              </button>
              <button type="button" className="button" disabled={busy || !settings.webhookUrl} onClick={() => void test()}>
                {t('listening.settings.test')}
              </button>
            </div>
          ) : null}
          {settings.webhookUrl ? (
            <p className="hint">
              {t('listening.settings.current')} <UserText>{settings.webhookUrl}</UserText>
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
