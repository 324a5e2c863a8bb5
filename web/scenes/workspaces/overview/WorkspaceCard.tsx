import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WorkspaceView } from '../../../../src/shared/api.js';
import { WorkspaceMark } from '../../../components/WorkspaceMark.js';
import { roleLabel } from '../../../i18n/index.js';

/** The workspace in brief: what its settings are, and the way to change them for those who may. */
export function WorkspaceCard({ workspace, settingsPath }: { workspace: WorkspaceView; settingsPath: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="card overview-card workspace-card" aria-labelledby="overview-workspace">
      <div className="workspace-card-head">
        <WorkspaceMark name={workspace.name} logoUrl={workspace.logoUrl} size="large" />
        <h2 id="overview-workspace">{workspace.name}</h2>
      </div>
      <dl className="facts">
        <dt>{t('overview.yourRole')}</dt>
        <dd>{roleLabel(t, workspace.role)}</dd>
        <dt>{t('workspaceSettings.timezone')}</dt>
        <dd>{workspace.timezone}</dd>
        <dt>{t('workspaceSettings.locale')}</dt>
        <dd>{t(`lang.names.${workspace.locale}`)}</dd>
        <dt>{t('workspaceSettings.weekStart')}</dt>
        <dd>{t(`workspaceSettings.weekStarts.${workspace.weekStart}`)}</dd>
      </dl>
      {settingsPath ? <Link to={settingsPath}>{t('overview.settingsLink')}</Link> : null}
    </section>
  );
}
