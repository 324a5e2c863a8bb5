import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView, SocialAccountView } from '../../../src/shared/api.js';
import type { PostFilter } from '../../api/publishing.js';
import { networkName } from '../../lib/counters.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { POST_STATUSES, statusKey } from '../publishing/status.js';

export interface CalendarFilters {
  network: string;
  accountId: string;
  campaignId: string;
  label: string;
  status: string;
  authorId: string;
}

export const NO_FILTERS: CalendarFilters = { network: '', accountId: '', campaignId: '', label: '', status: '', authorId: '' };

export function toQuery(f: CalendarFilters): PostFilter {
  const one = (v: string) => (v ? [v] : undefined);
  return {
    network: one(f.network),
    accountId: one(f.accountId),
    campaignId: one(f.campaignId),
    status: one(f.status),
    authorId: one(f.authorId),
    label: f.label.trim() || undefined,
  };
}

interface FiltersProps {
  value: CalendarFilters;
  onChange: (next: CalendarFilters) => void;
  accounts: SocialAccountView[];
  campaigns: CampaignView[];
  authors: Array<{ id: string; name: string }>;
  /** False where posts need nobody's approval: "approved" then reads "ready". */
  approvalRequired: boolean;
}

export const activeFilters = (f: CalendarFilters): number =>
  (Object.keys(NO_FILTERS) as Array<keyof CalendarFilters>).filter((key) => f[key].trim() !== '').length;

/** The calendar's filters, folded behind a button that tells how many are on; each change reloads the visible range. */
export function Filters({ value, onChange, accounts, campaigns, authors, approvalRequired }: FiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const active = activeFilters(value);
  const networks = [...new Set(accounts.map((a) => a.network))];
  const set = (key: keyof CalendarFilters) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const select = (key: keyof CalendarFilters, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value[key]} onChange={set(key)}>
        <option value="">{t('calendar.filters.all', { context: key })}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="filter-bar">
      <div className="filter-bar-top">
        <button type="button" className="button button-small filter-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
          <span className="filter-toggle-mark" aria-hidden="true">{open ? '▾' : '▸'}</span> {t('calendar.filters.title')}
          {active ? (
            <span className="filter-count">
              <span aria-hidden="true">{active}</span>
              <span className="visually-hidden"> ({t('calendar.filters.active', { count: active })})</span>
            </span>
          ) : null}
        </button>
        {active ? (
          <button type="button" className="button button-small" onClick={() => onChange(NO_FILTERS)}>
            {t('calendar.filters.clear')}
          </button>
        ) : null}
      </div>
      <fieldset className="filters" id={`${id}-panel`} hidden={!open}>
        <legend className="visually-hidden">{t('calendar.filters.title')}</legend>
        {select('network', t('calendar.filters.network'), networks.map((n) => ({ value: n, label: networkName(n) })))}
        {select('accountId', t('calendar.filters.account'), accounts.map((a) => ({ value: a.id, label: showDirectionControls(`@${a.handle}`) })))}
        {select('campaignId', t('calendar.filters.campaign'), campaigns.map((c) => ({ value: c.id, label: showDirectionControls(c.name) })))}
        {select('status', t('calendar.filters.status'), POST_STATUSES.map((s) => ({ value: s, label: t(statusKey(s, approvalRequired)) })))}
        {select('authorId', t('calendar.filters.author'), authors.map((a) => ({ value: a.id, label: a.name })))}
        <div className="filter">
          <label htmlFor={`${id}-label`}>{t('calendar.filters.label')}</label>
          <input id={`${id}-label`} type="search" value={value.label} onChange={set('label')} />
        </div>
      </fieldset>
    </div>
  );
}
