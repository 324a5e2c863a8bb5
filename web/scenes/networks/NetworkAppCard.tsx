import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../app/useSubmit.js';
import { CopyField } from '../../components/CopyField.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { networkAppsApi, say, type NetworkAppView } from './api.js';
import './networks.css';

/** One network: whether it can be connected, what to create in its console, and the keys (the secret write-only). */
export function NetworkAppCard({ app, onChanged }: { app: NetworkAppView; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [clientId, setClientId] = useState(app.source === 'settings' ? (app.clientId ?? '') : '');
  const [clientSecret, setClientSecret] = useState('');
  const [saved, setSaved] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Folded to its summary line, so that the page is short; the keys typed stay while it is folded.
  const [open, setOpen] = useState(false);
  const nameId = `network-${app.network}`;
  const bodyId = `network-${app.network}-body`;

  const save = useSubmit(async () => {
    setSaved('');
    await networkAppsApi.save(app.network, { clientId: clientId.trim(), ...(clientSecret.trim() ? { clientSecret: clientSecret.trim() } : {}) });
    setClientSecret('');
    await onChanged();
    setSaved(t('networks.saved', { network: app.name }));
  });
  const remove = useSubmit(async () => {
    setConfirming(false);
    await networkAppsApi.remove(app.network);
    setClientId('');
    await onChanged();
    setSaved(t('networks.removed', { network: app.name }));
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!clientId.trim()) return save.setError(t('networks.clientIdRequired'));
    if (app.source !== 'settings' && !clientSecret.trim()) return save.setError(t('networks.secretRequired'));
    void save.run();
  };

  const status = app.source === 'settings' ? 'ready' : app.source === 'env' ? 'env' : 'missing';
  return (
    <section className={`card network-app${open ? ' is-open' : ''}`} aria-labelledby={nameId} data-network={app.network}>
      <h2 className="network-app-head">
        <button type="button" className="network-app-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="network-app-chevron" aria-hidden="true" />
          <NetworkIcon network={app.network} />
          <span id={nameId} className="network-app-name">{app.name}</span>
          <span className={`badge network-app-status network-app-${status}`} data-testid={`status-${app.network}`}>
            {t(`networks.status.${status}`)}
          </span>
        </button>
      </h2>
      <div id={bodyId} className="network-app-body" hidden={!open}>
        {app.app ? <p>{say(app.app, lang)}</p> : null}
        <p>
          <a href={app.console.url} target="_blank" rel="noreferrer noopener">
            {t('networks.openConsole', { console: app.console.name })}
          </a>
        </p>
        <CopyField label={t('networks.redirectUrl')} value={app.redirectUrl} />

        <details>
          <summary>{t('networks.scopes', { count: app.scopes.length })}</summary>
          <ul className="network-app-scopes">
            {app.scopes.map((s) => (
              <li key={s.scope}>
                <code>{s.scope}</code> — {say(s, lang)}
              </li>
            ))}
          </ul>
        </details>
        {app.review ? (
          <div className="network-app-review">
            <h3>{app.review.needed ? t('networks.reviewNeeded') : t('networks.reviewNone')}</h3>
            <p>{say(app.review, lang)}</p>
          </div>
        ) : null}

        <form onSubmit={submit} noValidate aria-label={t('networks.formLabel', { network: app.name })}>
          {app.source === 'env' ? (
            <p className="hint">{t('networks.fromEnv', { id: app.env.clientId, secret: app.env.clientSecret, clientId: app.clientId ?? '' })}</p>
          ) : (
            <p className="hint">{t('networks.envNames', { id: app.env.clientId, secret: app.env.clientSecret })}</p>
          )}
          <TextField label={t('networks.clientId')} value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} name={`${app.network}-client-id`} />
          <TextField
            label={t('networks.clientSecret')}
            type="password"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            autoComplete="new-password"
            name={`${app.network}-client-secret`}
            hint={app.source === 'settings' ? t('networks.secretKept') : t('networks.secretWriteOnly')}
          />
          {save.error ? <ErrorAlert>{save.error}</ErrorAlert> : null}
          {remove.error ? <ErrorAlert>{remove.error}</ErrorAlert> : null}
          <StatusMessage>{saved}</StatusMessage>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.busy}>
              {t('networks.save')}
            </button>
            {app.source === 'settings' ? (
              <button type="button" className="button button-danger" onClick={() => setConfirming(true)} disabled={remove.busy}>
                {t('networks.remove')}
              </button>
            ) : null}
          </div>
        </form>
        {confirming ? (
          <ConfirmDialog
            title={t('networks.removeTitle', { network: app.name })}
            message={t('networks.removeMessage', { network: app.name })}
            confirmLabel={t('networks.remove')}
            onConfirm={() => void remove.run()}
            onCancel={() => setConfirming(false)}
          />
        ) : null}
      </div>
    </section>
  );
}
