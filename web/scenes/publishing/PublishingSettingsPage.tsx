import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { ApprovalStepsEditor } from './ApprovalStepsEditor.js';
import { CampaignsEditor } from './CampaignsEditor.js';

/** Who must approve posts before they go out, and the campaigns that colour the calendar. */
export function PublishingSettingsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [settings, reload] = useLoad(() => publishing.settings.get(wid), [wid]);
  const [campaigns, reloadCampaigns] = useLoad(async () => {
    const [list, ws] = await Promise.all([publishing.campaigns.list(wid), api.workspaces.get(wid)]);
    return { items: list.items, zone: ws.timezone };
  }, [wid]);
  const [status, setStatus] = useState('');

  return (
    <Page title={t('publishingSettings.title')} lead={t('publishingSettings.intro')}>
      <p>
        <Link to={workspacePath(wid, 'settings')}>{t('settings.back')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      {settings.status === 'loading' ? <Loading /> : null}
      {settings.status === 'failed' ? <ErrorAlert>{errorMessage(t, settings.error)}</ErrorAlert> : null}
      {settings.status === 'ready' ? (
        <ApprovalStepsEditor
          key={JSON.stringify(settings.data.approvalSteps)}
          steps={settings.data.approvalSteps}
          canEdit={workspace.can('workspace.update')}
          onSaved={(message) => void reload().then(() => setStatus(message))}
        />
      ) : null}
      {campaigns.status === 'ready' ? (
        <CampaignsEditor campaigns={campaigns.data.items} zone={campaigns.data.zone} onChanged={(message) => void reloadCampaigns().then(() => setStatus(message))} />
      ) : null}
    </Page>
  );
}
