import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateWords } from '../../../components/DateWords.js';
import { DateField } from '../../../components/DateField.js';
import type { Dashboard } from '../api.js';
import { PRESETS, dashboardRange, firstDay, lastDay } from '../period.js';
import { FILTERS, type DashboardState, type FilterKey } from '../useDashboardQuery.js';

/** Period presets, the comparison, and the filters by account, network, campaign and label. */
export function DashboardControls({
  state,
  zone,
  dashboard,
  compare = true,
}: {
  state: DashboardState;
  zone: string;
  dashboard: Dashboard | null;
  compare?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const chooseCustom = () => {
    const range = dashboardRange(state.preset, zone, Date.now(), state.custom);
    state.update({
      period: 'custom',
      from: firstDay(range, zone),
      to: lastDay(range, zone),
    });
  };
  return (
    <div className="analytics-controls">
      <div className="period-picker" role="group" aria-label={t('analytics.period.label')}>
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="period-option"
            aria-pressed={state.preset === p}
            onClick={() => (p === 'custom' ? chooseCustom() : state.update({ period: p, from: '', to: '' }))}
          >
            {t(`analytics.period.${p}`)}
          </button>
        ))}
      </div>
      <div className="analytics-filters">
        {state.preset === 'custom' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('analytics.period.from')}</label>
              <DateField
                id={`${id}-from`}
                label={t('analytics.period.from')}
                value={state.custom.from}
                max={state.custom.to || undefined}
                describedBy={`${id}-from-words`}
                onChange={(from) => from && state.update({ from })}
              />
              <DateWords id={`${id}-from-words`} value={state.custom.from} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('analytics.period.to')}</label>
              <DateField
                id={`${id}-to`}
                label={t('analytics.period.to')}
                value={state.custom.to}
                min={state.custom.from || undefined}
                describedBy={`${id}-to-words`}
                onChange={(to) => to && state.update({ to })}
              />
              <DateWords id={`${id}-to-words`} value={state.custom.to} />
            </div>
          </>
        ) : null}
        {compare ? (
          <div className="field">
            <label htmlFor={`${id}-compare`}>{t('analytics.compare.label')}</label>
            <select
              id={`${id}-compare`}
              value={state.compare}
              onChange={(e) =>
                state.update({
                  compare: e.target.value === 'previous' ? '' : e.target.value,
                })
              }
            >
              <option value="previous">{t('analytics.compare.previous')}</option>
              <option value="year_before">{t('analytics.compare.year_before')}</option>
            </select>
          </div>
        ) : null}
        {FILTERS.map((key) => (
          <FilterSelect key={key} name={key} state={state} dashboard={dashboard} />
        ))}
      </div>
    </div>
  );
}

const SOURCES: Record<FilterKey, 'byAccount' | 'byNetwork' | 'byCampaign' | 'byLabel'> = {
  accountId: 'byAccount',
  network: 'byNetwork',
  campaignId: 'byCampaign',
  label: 'byLabel',
};

/** A filter offers what the period holds, and keeps the chosen value even when it holds nothing. */
function FilterSelect({
  name,
  state,
  dashboard,
}: {
  name: FilterKey;
  state: DashboardState;
  dashboard: Dashboard | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = state.filters[name] ?? '';
  const options = (dashboard?.[SOURCES[name]] ?? []).map((b) => ({
    value: b.key,
    label: name === 'network' ? t(`analytics.networks.${b.key}`, { defaultValue: b.label }) : b.label,
  }));
  if (chosen && !options.some((o) => o.value === chosen)) options.unshift({ value: chosen, label: chosen });
  if (options.length === 0 && !chosen) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`analytics.filters.${name}`)}</label>
      <select id={id} value={chosen} onChange={(e) => state.update({ [name]: e.target.value })}>
        <option value="">{t('analytics.filters.all', { context: name })}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
