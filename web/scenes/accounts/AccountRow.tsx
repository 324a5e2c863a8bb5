import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { networkName } from '../../lib/counters.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { UserText } from '../../components/UserText.js';
import type { BlueskyPrefill } from './ConnectBluesky.js';

interface AccountRowProps {
  account: SocialAccountView;
  canManage: boolean;
  onChanged: (message: string) => void;
  onReconnectBluesky: (prefill: BlueskyPrefill) => void;
}

export function AccountRow({ account: a, canManage, onChanged, onReconnectBluesky }: AccountRowProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reconnect = async () => {
    setError(null);
    if (a.network === 'bluesky') return onReconnectBluesky({ identifier: a.handle, service: a.serviceUrl, at: Date.now() });
    try {
      const { authorizeUrl } = await publishing.accounts.connectMastodon(workspace.workspaceId, a.serviceUrl);
      window.location.assign(authorizeUrl);
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  const disconnect = async () => {
    setConfirming(false);
    try {
      await publishing.accounts.disconnect(workspace.workspaceId, a.id);
      onChanged(t('accounts.disconnected', { handle: showDirectionControls(a.handle) }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <tr>
      <td>
        <UserText>{`@${a.handle}`}</UserText> <span className="muted">({networkName(a.network)})</span>
      </td>
      <td>
        <span className={`tag account-${a.status}`}>{t(`accounts.status.${a.status}`)}</span>
        {a.statusMessage ? <p className="hint">{t('accounts.networkSaid', { message: a.statusMessage })}</p> : null}
        {error ? <p className="alert alert-error" role="alert">{error}</p> : null}
      </td>
      <td>{a.lastOkAt ? formatDateTime(a.lastOkAt, i18n.language) : t('accounts.never')}</td>
      <td>{a.failedPosts}</td>
      <td>{a.scheduledPosts}</td>
      {canManage ? (
        <td>
          <div className="cell-actions">
            {a.status !== 'connected' ? (
              <button type="button" className="button button-small" aria-label={t('accounts.reconnectFor', { handle: showDirectionControls(a.handle) })} onClick={() => void reconnect()}>
                {t('accounts.reconnect')}
              </button>
            ) : null}
            {a.status !== 'disconnected' ? (
              <button type="button" className="button button-small" aria-label={t('accounts.disconnectFor', { handle: showDirectionControls(a.handle) })} onClick={() => setConfirming(true)}>
                {t('accounts.disconnect')}
              </button>
            ) : null}
          </div>
          {confirming ? (
            <ConfirmDialog
              title={t('accounts.disconnectTitle')}
              message={t('accounts.disconnectConfirm', { handle: showDirectionControls(a.handle) })}
              confirmLabel={t('accounts.disconnect')}
              onConfirm={() => void disconnect()}
              onCancel={() => setConfirming(false)}
            />
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
