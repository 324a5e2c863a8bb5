import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { Page } from '../../components/Page.js';
import { visibleAreas, workspacePath } from '../../lib/areas.js';
import { roleLabel } from '../../i18n/index.js';

/** The workspace's front page: where each area stands, with a link to it. */
export function OverviewPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  // What works today comes first; the areas still to come follow with what they will do.
  const areas = visibleAreas(workspace.permissions).sort((a, b) => Number(b.available) - Number(a.available));
  return (
    <Page title={workspace.workspaceName} lead={t('overview.welcome', { workspace: workspace.workspaceName, role: roleLabel(t, workspace.role) })}>
      <ul className="area-grid">
        {areas.map((area) => (
          <li key={area.id} className="area-card">
            <h2>
              <Link to={workspacePath(workspace.workspaceId, area.id)}>{t(`areas.${area.id}.title`)}</Link>
            </h2>
            <p>{t(`areas.${area.id}.description`)}</p>
            <span className={area.available ? 'tag tag-ready' : 'tag tag-soon'}>
              {area.available ? t('overview.available') : t('overview.comingSoon')}
            </span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
