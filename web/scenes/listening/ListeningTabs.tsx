import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { workspacePath } from '../../lib/areas.js';
import './listening.css';

const SECTIONS = [
  { id: 'overview', path: '' },
  { id: 'mentions', path: '/mentions' },
  { id: 'topics', path: '/topics' },
  { id: 'sources', path: '/sources' },
  { id: 'alerts', path: '/alerts' },
] as const;

export type ListeningSection = (typeof SECTIONS)[number]['id'];

/** The listening area's sections, one click apart on every page of it (the alerts and crisis pages included). */
export function ListeningTabs() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = listeningPath(workspace.workspaceId);
  return (
    <nav className="listening-tabs" aria-label={t('listening.tabs.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <NavLink end={s.id === 'overview'} to={base + s.path} className="listening-tab">
              {t(`listening.tabs.${s.id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /w/:ws/listening, or one of its sections ('/mentions', '/topics' …). */
export function listeningPath(workspaceId: string, section = ''): string {
  return workspacePath(workspaceId, 'listening') + section;
}
