import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { networkName } from '../../lib/counters.js';
import { UserText } from '../../components/UserText.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { useWorkspace } from '../../app/workspace.js';
import { workspacePath } from '../../lib/areas.js';

interface AccountPickerProps {
  accounts: SocialAccountView[];
  selected: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}

/** Where the post goes: one checkbox per connected account. */
export function AccountPicker({ accounts, selected, onChange, disabled }: AccountPickerProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="account-picker">
      <legend>{t('composer.accounts')}</legend>
      {accounts.length === 0 ? (
        // A first post starts here: say where accounts are connected, or who connects them.
        <p className="muted">
          {t('composer.noAccounts')}{' '}
          {workspace.can('connections.manage') ? (
            <Link to={`${workspacePath(workspace.workspaceId, 'settings')}/accounts`}>{t('composer.connectAccount')}</Link>
          ) : (
            t('composer.askToConnect')
          )}
        </p>
      ) : null}
      {accounts.map((a) => (
        <label key={a.id} className={`account-choice network-${a.network}`}>
          <input
            type="checkbox"
            checked={selected.includes(a.id)}
            disabled={disabled || (a.status === 'disconnected' && !selected.includes(a.id))}
            onChange={(e) => toggle(a.id, e.target.checked)}
          />
          <span>
            <NetworkIcon network={a.network} /> <UserText>{`@${a.handle}`}</UserText> <span className="muted">· {networkName(a.network)}</span>
            {a.status !== 'connected' ? <span className="tag tag-soon"> {t(`accounts.status.${a.status}`)}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
