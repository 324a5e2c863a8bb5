import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { AgendaCard } from './overview/AgendaCard.js';
import { ApprovalsCard } from './overview/ApprovalsCard.js';
import { ProblemsCard } from './overview/ProblemsCard.js';
import { AccountsCard } from './overview/AccountsCard.js';
import { CrisisNotice } from './overview/CrisisNotice.js';
import { GettingStarted, startSteps } from './overview/GettingStarted.js';
import { WorkspaceCard } from './overview/WorkspaceCard.js';
import { dayOf } from './overview/when.js';
import { zoneLabel } from '../../lib/format.js';

/** The workspace's home: what needs me now, what goes out today and this week, and how a new workspace starts. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const membership = useWorkspace();
  const wid = membership.workspaceId;
  const [loaded, reload] = useLoad(() => Promise.all([api.workspaces.overview(wid), api.workspaces.get(wid)]), [wid]);
  const [status, setStatus] = useState('');
  const calendar = workspacePath(wid, 'calendar');
  const postPath = (id: string) => `${calendar}/posts/${encodeURIComponent(id)}`;
  const settings = workspacePath(wid, 'settings');

  if (loaded.status !== 'ready') {
    return (
      <Page title={membership.workspaceName}>
        {loaded.status === 'loading' ? <Loading /> : <ErrorAlert>{errorMessage(t, loaded.error)}</ErrorAlert>}
      </Page>
    );
  }
  const [overview, workspace] = loaded.data;
  const { zone } = overview;
  const steps = startSteps(overview.counts, membership.can, {
    connect: `${settings}/accounts`,
    write: `${calendar}/new`,
    invite: workspacePath(wid, 'members'),
  });

  return (
    <Page title={workspace.name} lead={t('overview.lead', { date: dayOf(overview.today.from, zone, i18n.language), zone: zoneLabel(t, zone) })}>
      <div className="page-status">
        <StatusMessage>{status}</StatusMessage>
      </div>
      {overview.crisis ? (
        <CrisisNotice
          crisis={overview.crisis}
          held={overview.problems?.held ?? []}
          zone={zone}
          calendarPath={calendar}
          postPath={postPath}
          canResume={membership.can('crisis.manage')}
        />
      ) : null}
      <GettingStarted steps={steps} />
      <div className="overview-grid">
        <div className="overview-attention">
          {overview.toApprove ? (
            <ApprovalsCard toApprove={overview.toApprove} zone={zone} postPath={postPath} approvalsPath={`${calendar}/to-approve`} />
          ) : null}
          {overview.problems ? (
            <ProblemsCard
              workspaceId={wid}
              problems={overview.problems}
              zone={zone}
              canRetry={membership.can('posts.publish')}
              postPath={postPath}
              failedPath={calendar}
              onRetried={(message) => void reload().then(() => setStatus(message))}
            />
          ) : null}
          {overview.accounts ? <AccountsCard accounts={overview.accounts} accountsPath={`${settings}/accounts`} canReconnect={membership.can('connections.manage')} /> : null}
        </div>
        <div className="overview-agenda">
          <AgendaCard overview={overview} postPath={postPath} newPostPath={membership.can('posts.write') ? `${calendar}/new` : null} />
        </div>
        <div className="overview-about">
          <WorkspaceCard workspace={workspace} settingsPath={membership.can('workspace.update') ? `${settings}/workspace` : null} />
        </div>
      </div>
    </Page>
  );
}
