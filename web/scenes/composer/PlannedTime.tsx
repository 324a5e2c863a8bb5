import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { fromLocalInput, shortInZone } from '../../lib/zoned.js';
import { zoneLabel } from '../../lib/format.js';
import { dateInWords } from '../../lib/date-words.js';
import { DateTimeField } from '../../components/DateField.js';

interface PlannedTimeProps {
  value: string;
  zone: string;
  accounts: SocialAccountView[];
  onChange: (value: string) => void;
  disabled?: boolean;
  children?: ReactNode;
}

/** The planned time, typed in the workspace's zone and shown in each selected account's own zone. */
export function PlannedTime({ value, zone, accounts, onChange, disabled, children }: PlannedTimeProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const iso = fromLocalInput(value, zone);
  const others = [...new Set(accounts.map((a) => a.timezone))].filter((z) => z !== zone);
  const words = dateInWords(value, i18n.language);
  // Said while typing, before the post is sent: a time gone by would leave it ready but never published.
  const passed = !disabled && iso !== null && Date.parse(iso) <= Date.now();
  return (
    <section className="planned-time" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('composer.when')}</h3>
      <div className="field">
        <label htmlFor={id}>{t('composer.plannedAt', { zone })}</label>
        <DateTimeField id={id} label={t('composer.plannedAt', { zone })} value={value} disabled={disabled} invalid={passed}
          describedBy={passed ? `${id}-passed ${id}-zones` : `${id}-zones`} onChange={onChange} />
        {passed ? <p className="hint is-warning" id={`${id}-passed`} role="status">{t('composer.timePassed')}</p> : null}
        <p className="hint" id={`${id}-zones`}>
          {iso && words
            ? [t('composer.plannedWords', { when: words, zone: zoneLabel(t, zone) }),
              // The accounts' other zones: the workspace's is the one the time was typed in, said above.
              ...others.map((z) => t('composer.timeIn', { time: shortInZone(iso, z, i18n.language), zone: zoneLabel(t, z) }))].join(' · ')
            : t('composer.noTime')}
        </p>
        {accounts.length ? (
          <ul className="account-zones">
            {accounts.map((a) => (
              <li key={a.id}>{t('composer.accountZone', { handle: a.handle, zone: a.timezone })}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {children}
    </section>
  );
}
