import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { workspacePath } from '../../lib/areas.js';

const SECTIONS = [
  { id: 'review', path: '' },
  { id: 'rules', path: '/rules' },
  { id: 'log', path: '/log' },
  { id: 'people', path: '/people' },
  { id: 'models', path: '/models' },
] as const;

/** The moderation console's sections, one click apart on every page of it. */
export function ModerationNav() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = workspacePath(workspace.workspaceId, 'moderation');
  return (
    <nav className="mod-tabs" aria-label={t('moderation.tabs.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <NavLink end={s.id === 'review'} to={base + s.path} className="mod-tab">
              {t(`moderation.tabs.${s.id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function moderationPath(workspaceId: string, section = ''): string {
  return workspacePath(workspaceId, 'moderation') + section;
}
