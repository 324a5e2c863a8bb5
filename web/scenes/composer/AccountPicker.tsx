import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { networkName } from '../../lib/counters.js';
import { UserText } from '../../components/UserText.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';

interface AccountPickerProps {
  accounts: SocialAccountView[];
  selected: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}

/** Where the post goes: one checkbox per connected account. */
export function AccountPicker({ accounts, selected, onChange, disabled }: AccountPickerProps) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="account-picker">
      <legend>{t('composer.accounts')}</legend>
      {accounts.length === 0 ? <p className="muted">{t('composer.noAccounts')}</p> : null}
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
