import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../lib/errors.js';
import { useWhen } from '../../app/useWhen.js';
import { networkName } from '../../lib/counters.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { UserText } from '../../components/UserText.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import type { BlueskyPrefill } from './ConnectBluesky.js';
import { ConnectionWarning } from './ConnectionWarning.js';

interface AccountRowProps {
  account: SocialAccountView;
  canManage: boolean;
  onChanged: (message: string) => void;
  onReconnectBluesky: (prefill: BlueskyPrefill) => void;
  /** Set for the networks connected through a developer app: reconnecting goes through their page again. */
  onReconnectOAuth?: (network: string) => void;
}

const WEEK = 7 * 24 * 3600 * 1000;

/** A token that has expired, or will within a week (when the server starts warning too), needs a reconnection. */
function tokenExpiry(at: string | null): 'expired' | 'soon' | null {
  if (!at) return null;
  const left = Date.parse(at) - Date.now();
  return left <= 0 ? 'expired' : left <= WEEK ? 'soon' : null;
}

export function AccountRow({ account: a, canManage, onChanged, onReconnectBluesky, onReconnectOAuth }: AccountRowProps) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState(false);
  const expiry = a.status === 'disconnected' ? null : tokenExpiry(a.tokenExpiresAt);

  const reconnect = async () => {
    setError(null);
    if (a.network === 'bluesky') return onReconnectBluesky({ identifier: a.handle, service: a.serviceUrl, at: Date.now() });
    if (onReconnectOAuth) return onReconnectOAuth(a.network);
    try {
      const { authorizeUrl } = await publishing.accounts.connectMastodon(workspace.workspaceId, a.serviceUrl);
      window.location.assign(authorizeUrl);
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  const retryWarning = async () => {
    setError(null);
    setRetrying(true);
    try {
      const { warning } = await publishing.accounts.retryConnectionWarning(workspace.workspaceId, a.id);
      onChanged(t(warning ? 'accounts.warningStands' : 'accounts.warningResolved', { handle: showDirectionControls(a.handle) }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setRetrying(false);
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
    <tr className="account-row" role="row">
      <th scope="row" role="rowheader" className="account-cell">
        <span className="network-handle">
          <NetworkIcon network={a.network} />
          <UserText>{`@${a.handle}`}</UserText>
        </span> <span className="muted">({networkName(a.network)})</span>
      </th>
      <td role="cell" className="account-status">
        <span className={`tag account-${a.status}`}>{t(`accounts.status.${a.status}`)}</span>
        {a.statusMessage ? <p className="hint warning-words">{t('accounts.networkSaid', { message: a.statusMessage })}</p> : null}
        {a.connectionWarning && a.status !== 'disconnected' ? (
          <ConnectionWarning network={a.network} handle={a.handle} warning={a.connectionWarning} retrying={retrying} onRetry={canManage ? () => void retryWarning() : undefined} />
        ) : null}
        {expiry && a.tokenExpiresAt ? (
          <p className="alert alert-info">
            {t(expiry === 'expired' ? 'connect.expiredToken' : 'connect.expiresSoon', { date: clock.dateTime(a.tokenExpiresAt) })}
          </p>
        ) : null}
        {error ? <p className="alert alert-error" role="alert">{error}</p> : null}
      </td>
      {/* On a phone the columns' headings are hidden: each figure carries its own, for the eye only. */}
      <td role="cell" className="account-figure account-last-ok">
        <span className="cell-label" aria-hidden="true">{t('accounts.lastOk')}</span>
        {a.lastOkAt ? clock.dateTime(a.lastOkAt) : t('accounts.never')}
      </td>
      <td role="cell" className="account-figure">
        <span className="cell-label" aria-hidden="true">{t('accounts.failedPosts')}</span>
        {a.failedPosts}
      </td>
      <td role="cell" className="account-figure">
        <span className="cell-label" aria-hidden="true">{t('accounts.scheduledPosts')}</span>
        {a.scheduledPosts}
      </td>
      {canManage ? (
        <td role="cell" className="account-actions">
          <div className="cell-actions">
            {a.status !== 'connected' || expiry ? (
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
