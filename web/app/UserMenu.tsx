import { useTranslation } from 'react-i18next';
import { Menu } from '../components/Menu.js';
import { useSignedIn } from './session.js';
import { useActions } from './actions.js';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const actions = useActions();
  return (
    <Menu
      label={t('menu.account', { name: session.user.name })}
      className="user-menu"
      placement="below"
      items={[actions.account, actions.signOut].map((a) => ({ id: a.id, label: a.label, onSelect: a.run }))}
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

