import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, type InboxCounts } from './api.js';

/** Open, waiting, done or all: the first choice of a triage, with how many each holds under the other filters. */
export function StatusTabs({ value, counts, onChange }: { value: string; counts: InboxCounts | null; onChange: (status: string) => void }) {
  const { t, i18n } = useTranslation();
  const name = useId();
  const number = (n: number | undefined) => new Intl.NumberFormat(i18n.language).format(n ?? 0);
  // An item its author removed on the network before it was done asks nothing more: it is under All only.
  const all = counts ? STATUSES.reduce((sum, s) => sum + (counts.byStatus[s] ?? 0), 0) + (counts.removed ?? 0) : undefined;
  const choices = [...STATUSES.map((s) => ({ value: s as string, label: t(`inbox.status.${s}`), count: counts?.byStatus[s] })), { value: '', label: t('inbox.status.all'), count: all }];
  return (
    <fieldset className="inbox-tabs">
      <legend className="visually-hidden">{t('inbox.filters.status')}</legend>
      {choices.map((c) => (
        <label key={c.value || 'all'} className={value === c.value ? 'is-on' : undefined}>
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
          <span>{c.label}</span>
          {counts ? <span className="inbox-tab-count">{number(c.count)}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
