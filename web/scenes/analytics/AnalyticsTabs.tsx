import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useSignedIn } from '../../app/session.js';
import { workspacePath } from '../../lib/areas.js';
import '../listening/listening.css';
import './analytics.css';

/** /w/:ws/analytics, or one of its sections ('/objectives', '/agency'). */
export function analyticsPath(workspaceId: string, section = ''): string {
  return workspacePath(workspaceId, 'analytics') + section;
}

/** Workspaces whose analytics the member reads: the agency view compares them when there are several. */
export function useAnalyticsWorkspaces() {
  const session = useSignedIn();
  return session.memberships.filter((m) => m.permissions.includes('analytics.read'));
}

export function AnalyticsTabs() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const several = useAnalyticsWorkspaces().length > 1;
  const base = analyticsPath(workspace.workspaceId);
  const sections = [
    { id: 'overview', path: '' },
    { id: 'objectives', path: '/objectives' },
    ...(several ? [{ id: 'agency', path: '/agency' }] : []),
  ];
  return (
    <nav className="listening-tabs" aria-label={t('analytics.tabs.label')}>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <NavLink end={s.id === 'overview'} to={base + s.path} className="listening-tab">
              {t(`analytics.tabs.${s.id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
