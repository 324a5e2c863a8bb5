import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MembershipView } from '../../src/shared/api.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { useSignedIn } from './session.js';
import { useActions } from './actions.js';
import { workspacePath } from '../lib/areas.js';
import { remembered } from '../lib/storage.js';
import { roleLabel } from '../i18n/index.js';
import { WorkspaceMark } from '../components/WorkspaceMark.js';

export function WorkspaceSwitcher({ current }: { current: MembershipView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSignedIn();
  const actions = useActions();

  const items: MenuItem[] = session.memberships.map((m) => ({
    id: m.workspaceId,
    label: m.workspaceName,
    checked: m.workspaceId === current?.workspaceId,
    onSelect: () => {
      remembered.setLastWorkspace(m.workspaceId);
      navigate(workspacePath(m.workspaceId));
    },
  }));
  if (session.canCreateWorkspace) {
    const create = actions.newWorkspace;
    items.push({ id: create.id, label: create.label, separatorBefore: true, onSelect: create.run });
  }

  const name = current?.workspaceName ?? t('switcher.none');
  return (
    <Menu label={t('switcher.label', { name })} items={items} className="switcher">
      <WorkspaceMark name={name} logoUrl={current?.workspaceLogoUrl ?? null} />
      <span className="switcher-text">
        <span className="switcher-name">{name}</span>
        {current ? <span className="switcher-role">{roleLabel(t, current.role)}</span> : null}
      </span>
      <span className="switcher-caret" aria-hidden="true">▾</span>
    </Menu>
  );
}
