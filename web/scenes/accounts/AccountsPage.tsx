import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { AccountRow } from './AccountRow.js';
import { ConnectBluesky, type BlueskyPrefill } from './ConnectBluesky.js';
import { ConnectMastodon } from './ConnectMastodon.js';
import type { ConnectForm } from './connect-error.js';
import { AccountSchedule } from './AccountSchedule.js';
import { ConnectNetworks } from './ConnectNetworks.js';
import { ConnectOutcome } from './ConnectOutcome.js';
import { PendingPicker } from './PendingPicker.js';
import { PermissionsDialog } from './PermissionsDialog.js';
import { oauthConnect, type OAuthNetworkView } from './oauth-api.js';
import './accounts.css';

/** Social accounts: connecting them, their health as the networks report it, and their posting rhythm. */
export function AccountsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [params, setParams] = useSearchParams();
  const [accounts, reload] = useLoad(() => publishing.accounts.list(wid), [wid]);
  const [networks] = useLoad(() => oauthConnect.networks(wid), [wid]);
  const [asking, setAsking] = useState<OAuthNetworkView | null>(null);
  const [status, setStatus] = useState('');
  const [prefill, setPrefill] = useState<BlueskyPrefill | null>(null);
  const canManage = workspace.can('connections.manage');
  const connect = params.get('connect');
  const pendingId = params.get('pending');
  const oauthNetwork = params.get('network');
  const changed = (message: string) => void reload().then(() => setStatus(message));
  const oauthNetworks = networks.status === 'ready' ? networks.data.items : [];
  const askFor = (network: string) => setAsking(oauthNetworks.find((n) => n.network === network) ?? null);
  /** The picker and the callback's outcome live in the query: once dealt with, it is cleaned so a reload does not replay them. */
  const cleanQuery = () => setParams({}, { replace: true });
  /** The form the user last started to use: an error belongs to its form, and goes when another attempt starts. */
  const [attempt, setAttempt] = useState<ConnectForm | null>(null);
  const startAttempt = (form: ConnectForm) => {
    setAttempt(form);
    // A network's earlier answer (refused, failed) is about an attempt the user has moved on from.
    if (connect && connect !== 'ok' && !pendingId) cleanQuery();
  };

  return (
    <Page title={t('accounts.title')} lead={t('accounts.intro')}>
      <p>
        <Link to={workspacePath(wid, 'settings')}>{t('settings.back')}</Link>
      </p>
      {connect === 'ok' ? <p className="alert alert-success" role="status">{t('accounts.connectOk')}</p> : null}
      {(connect === 'failed' || connect === 'refused') && !oauthNetwork ? <ErrorAlert>{t(`accounts.connect_${connect}`)}</ErrorAlert> : null}
      {connect && connect !== 'ok' && oauthNetwork ? (
        <ConnectOutcome outcome={connect} network={oauthNetwork} message={params.get('message')} scopes={params.get('scopes')} />
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      <section className="card" aria-labelledby="accounts-health">
        <h2 id="accounts-health">{t('accounts.health')}</h2>
        {accounts.status === 'loading' ? <Loading /> : null}
        {accounts.status === 'failed' ? <ErrorAlert>{errorMessage(t, accounts.error)}</ErrorAlert> : null}
        {accounts.status === 'ready' && accounts.data.items.length === 0 ? <p className="muted">{t('accounts.none')}</p> : null}
        {accounts.status === 'ready' && accounts.data.items.length > 0 ? (
          <div className="table-wrap accounts-table">
            {/* Roles spelled out: the narrow layout displays the table as blocks, which some browsers read as no table. */}
            <table role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('accounts.account')}</th>
                  <th scope="col" role="columnheader">{t('accounts.statusTitle')}</th>
                  <th scope="col" role="columnheader">{t('accounts.lastOk')}</th>
                  <th scope="col" role="columnheader">{t('accounts.failedPosts')}</th>
                  <th scope="col" role="columnheader">{t('accounts.scheduledPosts')}</th>
                  {canManage ? <th scope="col" role="columnheader">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {accounts.data.items.map((a) => (
                  <AccountRow
                    key={a.id}
                    account={a}
                    canManage={canManage}
                    onChanged={changed}
                    onReconnectBluesky={setPrefill}
                    onReconnectOAuth={oauthNetworks.some((n) => n.network === a.network) ? askFor : undefined}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {canManage ? (
        <div className="connect-grid">
          {oauthNetworks.length ? (
            <ConnectNetworks
              networks={oauthNetworks}
              onChoose={(n) => {
                startAttempt('oauth');
                setAsking(n);
              }}
            />
          ) : null}
          <ConnectBluesky key={prefill ? `${prefill.identifier}-${prefill.at}` : 'new'} prefill={prefill} onConnected={changed} attempt={attempt} onAttempt={() => startAttempt('bluesky')} />
          <ConnectMastodon attempt={attempt} onAttempt={() => startAttempt('mastodon')} />
        </div>
      ) : (
        <p className="muted">{t('accounts.cannotManage')}</p>
      )}
      {asking ? <PermissionsDialog workspaceId={wid} network={asking} onClose={() => setAsking(null)} /> : null}
      {pendingId && canManage ? (
        <PendingPicker
          workspaceId={wid}
          pendingId={pendingId}
          onClose={cleanQuery}
          onConnected={(name) => {
            cleanQuery();
            changed(t('connect.connected', { name }));
          }}
        />
      ) : null}
      {accounts.status === 'ready'
        ? accounts.data.items.map((a) => <AccountSchedule key={`${a.id}:${a.timezone}:${JSON.stringify(a.slots)}`} account={a} canEdit={canManage} onSaved={changed} />)
        : null}
    </Page>
  );
}
