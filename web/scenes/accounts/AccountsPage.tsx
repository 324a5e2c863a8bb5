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
import { AccountSchedule } from './AccountSchedule.js';

/** Social accounts: connecting them, their health as the networks report it, and their posting rhythm. */
export function AccountsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [params] = useSearchParams();
  const [accounts, reload] = useLoad(() => publishing.accounts.list(wid), [wid]);
  const [status, setStatus] = useState('');
  const [prefill, setPrefill] = useState<BlueskyPrefill | null>(null);
  const canManage = workspace.can('connections.manage');
  const connect = params.get('connect');
  const changed = (message: string) => void reload().then(() => setStatus(message));

  return (
    <Page title={t('accounts.title')} lead={t('accounts.intro')}>
      <p>
        <Link to={workspacePath(wid, 'settings')}>{t('settings.back')}</Link>
      </p>
      {connect === 'ok' ? <p className="alert alert-success" role="status">{t('accounts.connectOk')}</p> : null}
      {connect === 'failed' || connect === 'refused' ? <ErrorAlert>{t(`accounts.connect_${connect}`)}</ErrorAlert> : null}
      <StatusMessage>{status}</StatusMessage>
      <section className="card" aria-labelledby="accounts-health">
        <h2 id="accounts-health">{t('accounts.health')}</h2>
        {accounts.status === 'loading' ? <Loading /> : null}
        {accounts.status === 'failed' ? <ErrorAlert>{errorMessage(t, accounts.error)}</ErrorAlert> : null}
        {accounts.status === 'ready' && accounts.data.items.length === 0 ? <p className="muted">{t('accounts.none')}</p> : null}
        {accounts.status === 'ready' && accounts.data.items.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.account')}</th>
                  <th scope="col">{t('accounts.statusTitle')}</th>
                  <th scope="col">{t('accounts.lastOk')}</th>
                  <th scope="col">{t('accounts.failedPosts')}</th>
                  <th scope="col">{t('accounts.scheduledPosts')}</th>
                  {canManage ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {accounts.data.items.map((a) => (
                  <AccountRow key={a.id} account={a} canManage={canManage} onChanged={changed} onReconnectBluesky={setPrefill} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {canManage ? (
        <div className="connect-grid">
          <ConnectBluesky key={prefill ? `${prefill.identifier}-${prefill.at}` : 'new'} prefill={prefill} onConnected={changed} />
          <ConnectMastodon />
        </div>
      ) : (
        <p className="muted">{t('accounts.cannotManage')}</p>
      )}
      {accounts.status === 'ready'
        ? accounts.data.items.map((a) => <AccountSchedule key={`${a.id}:${a.timezone}:${JSON.stringify(a.slots)}`} account={a} canEdit={canManage} onSaved={changed} />)
        : null}
    </Page>
  );
}
