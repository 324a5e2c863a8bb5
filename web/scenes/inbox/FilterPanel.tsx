import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { networkName } from '../../lib/counters.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { KINDS, SENTIMENTS, TOXICITY_CATEGORIES, type InboxCounts } from './api.js';
import type { InboxFilters } from './filters.js';
import { inert } from './text.js';
import { DateField } from '../../components/DateField.js';

interface Props {
  id: string;
  hidden: boolean;
  value: InboxFilters;
  onChange: (next: InboxFilters) => void;
  counts: InboxCounts | null;
  accounts: SocialAccountView[];
  members: Array<{ userId: string; name: string }>;
  meId: string;
}

type Option = { value: string; label: string; count?: number };

/** Every filter but the status and the search, each option with how many items it would show given the others. */
export function FilterPanel({ id, hidden, value, onChange, counts, accounts, members, meId }: Props) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const number = (n: number | undefined) => new Intl.NumberFormat(i18n.language).format(n ?? 0);
  const labelOf = (o: Option) => (o.count === undefined || !counts ? o.label : t('inbox.filters.optionCount', { label: o.label, count: number(o.count) }));
  const set = <K extends keyof InboxFilters>(key: K, v: InboxFilters[K]) => onChange({ ...value, [key]: v });

  const select = (key: keyof InboxFilters, label: string, options: Option[]) => (
    <div className="inbox-filter">
      <label htmlFor={`${base}-${key}`}>{label}</label>
      <select id={`${base}-${key}`} value={String(value[key])} onChange={(e) => set(key, e.target.value as never)}>
        <option value="">{t('inbox.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );

  const networks = [...new Set([...accounts.map((a) => a.network), ...Object.keys(counts?.byNetwork ?? {})])];
  const languages = Object.keys(counts?.byLanguage ?? {}).filter(Boolean);
  if (value.language && !languages.includes(value.language)) languages.push(value.language);
  const labels = Object.keys(counts?.byLabel ?? {});
  if (value.label && !labels.includes(value.label)) labels.push(value.label);
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const toxicTotal = TOXICITY_CATEGORIES.reduce((sum, c) => sum + (counts?.byToxicity?.[c] ?? 0), 0);

  return (
    <fieldset className="inbox-filters" id={id} hidden={hidden}>
      <legend className="visually-hidden">{t('inbox.filters.title')}</legend>
      {select('network', t('inbox.filters.network'), networks.map((n) => ({ value: n, label: networkName(n), count: counts?.byNetwork[n] })))}
      {select('accountId', t('inbox.filters.account'), accounts.map((a) => ({ value: a.id, label: showDirectionControls(`@${inert(a.handle, 100)}`), count: counts?.byAccount?.[a.id] })))}
      {select('kind', t('inbox.filters.kind'), KINDS.map((k) => ({ value: k, label: t(`inbox.kind.${k}`), count: counts?.byKind[k] })))}
      {select('sentiment', t('inbox.filters.sentiment'), SENTIMENTS.map((s) => ({ value: s, label: t(`inbox.sentiment.${s}`), count: counts?.bySentiment[s] })))}
      {select('toxicity', t('inbox.filters.toxicity'), [
        { value: 'any', label: t('inbox.filters.toxicAny'), count: toxicTotal },
        ...TOXICITY_CATEGORIES.map((c) => ({ value: c, label: t(`inbox.toxicity.${c}`), count: counts?.byToxicity?.[c] })),
      ])}
      {select('language', t('inbox.filters.language'), languages.map((l) => ({ value: l, label: languageName(l), count: counts?.byLanguage[l] })))}
      {select('label', t('inbox.filters.label'), labels.map((l) => ({ value: l, label: showDirectionControls(inert(l, 60)), count: counts?.byLabel[l] })))}
      {select('assigneeId', t('inbox.filters.assignee'), [
        { value: 'me', label: t('inbox.filters.me'), count: counts?.byAssignee[meId] },
        { value: 'none', label: t('inbox.filters.nobody'), count: counts?.byAssignee.none ?? counts?.byAssignee[''] },
        ...members.filter((m) => m.userId !== meId).map((m) => ({ value: m.userId, label: showDirectionControls(m.name), count: counts?.byAssignee[m.userId] })),
      ])}
      <div className="inbox-filter inbox-filter-check">
        <input id={`${base}-complaint`} type="checkbox" checked={value.complaint} onChange={(e) => set('complaint', e.target.checked)} />
        <label htmlFor={`${base}-complaint`}>
          {counts ? t('inbox.filters.optionCount', { label: t('inbox.filters.complaint'), count: number(counts.complaint) }) : t('inbox.filters.complaint')}
        </label>
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${base}-from`}>{t('inbox.filters.from')}</label>
        <DateField id={`${base}-from`} label={t('inbox.filters.from')} value={value.from} onChange={(iso) => set('from', iso)} />
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${base}-to`}>{t('inbox.filters.to')}</label>
        <DateField id={`${base}-to`} label={t('inbox.filters.to')} value={value.to} onChange={(iso) => set('to', iso)} />
      </div>
    </fieldset>
  );
}
