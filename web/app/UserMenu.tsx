import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Menu } from '../components/Menu.js';
import { useSignedIn } from './session.js';
import { useActions } from './actions.js';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const actions = useActions();
  const navigate = useNavigate();
  // Settings > Networks belongs to the whole instance: only its administrator sees the way there.
  const networks = { id: 'networks', label: t('menu.networks'), run: () => navigate('/admin/networks') };
  const shown = session.instanceAdmin ? [actions.account, networks, actions.signOut] : [actions.account, actions.signOut];
  return (
    <Menu
      label={t('menu.account', { name: session.user.name })}
      className="user-menu"
      placement="below"
      items={shown.map((a) => ({ id: a.id, label: a.label, onSelect: a.run }))}
    >
      <span className="avatar" aria-hidden="true">
        {session.user.name.slice(0, 1).toUpperCase()}
      </span>
      <span className="user-text">
        <span className="user-name">{session.user.name}</span>
        <span className="user-email">{session.user.email}</span>
      </span>
    </Menu>
  );
}

