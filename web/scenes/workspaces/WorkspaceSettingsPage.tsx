import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WorkspaceView } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { GeneralSettings } from './settings/GeneralSettings.js';
import { LogoField } from './settings/LogoField.js';
import { ClientAccess } from './settings/ClientAccess.js';

/** Settings → Workspace: its name, logo, time zone, language of posts, first day of the week, and what clients see. */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const membership = useWorkspace();
  const { refresh } = useSession();
  const wid = membership.workspaceId;
  const canEdit = membership.can('workspace.update');
  const [loaded] = useLoad(() => api.workspaces.get(wid), [wid]);
  const [fresh, setFresh] = useState<WorkspaceView | null>(null);
  const [status, setStatus] = useState('');
  const workspace = fresh?.id === wid ? fresh : loaded.status === 'ready' ? loaded.data : null;

  // The name and logo also appear in the workspace menu, which reads the session.
  const saved = (next: WorkspaceView, message: string) => {
    setFresh(next);
    setStatus(message);
    void refresh();
  };

  return (
    <Page title={t('workspaceSettings.title')} lead={canEdit ? t('workspaceSettings.intro') : t('workspaceSettings.readOnly')}>
      <p>
        <Link to={workspacePath(wid, 'settings')}>{t('settings.back')}</Link>
      </p>
      <div className="page-status">
        <StatusMessage>{status}</StatusMessage>
      </div>
      {loaded.status === 'loading' ? <Loading /> : null}
      {loaded.status === 'failed' ? <ErrorAlert>{errorMessage(t, loaded.error)}</ErrorAlert> : null}
      {workspace ? (
        <div className="settings-columns">
          <GeneralSettings key={`${workspace.id}:${workspace.name}:${workspace.timezone}:${workspace.locale}:${workspace.weekStart}`} workspace={workspace} canEdit={canEdit} onSaved={saved} />
          <LogoField workspace={workspace} canEdit={canEdit} onSaved={saved} />
          <ClientAccess key={`${workspace.id}:${workspace.clientsSeeDrafts}:${workspace.clientsSeeInternalComments}:${workspace.clientsSeeInbox}`} workspace={workspace} canEdit={canEdit} onSaved={saved} />
        </div>
      ) : null}
    </Page>
  );
}
