import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import { dayRangeInZone } from '../../../lib/format.js';
import type { Objective } from '../api.js';
import { formatValue, unitOf, type Unit } from '../figures.js';

/** The unit an objective's figures are read in: a relative target is a change in percent. */
export function objectiveUnit(o: Pick<Objective, 'metric' | 'relative'>): Unit {
  return o.relative ? 'percent' : unitOf(o.metric);
}

/** An objective: where it stands against its target, where it ends at the current pace, and a warning when behind. */
export function ObjectiveCard({
  objective: o,
  zone,
  actions,
}: {
  objective: Objective;
  zone: string;
  actions?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const unit = objectiveUnit(o);
  const value = (v: number | null) =>
    o.relative && v !== null
      ? new Intl.NumberFormat(locale, {
          style: 'percent',
          maximumFractionDigits: 1,
          signDisplay: 'exceptZero',
        }).format(v / 100)
      : formatValue(v, unit, locale);
  const { current, forecast, forecastMethod, elapsed, status } = o.progress;
  const share = current === null || o.target === 0 ? 0 : Math.max(0, Math.min(1, current / o.target));
  const statusText = t(`analytics.objectives.status.${status}`);
  return (
    <li className={`objective-card objective-${status}`}>
      <div className="objective-head">
        <h3>
          <UserText>{o.name}</UserText>
        </h3>
        <span className={`tag objective-badge badge-${status}`}>
          {status === 'behind' || status === 'missed' ? <span aria-hidden="true">⚠ </span> : null}
          {statusText}
        </span>
      </div>
      <p className="objective-goal">
        {t(`analytics.objectives.goal.${o.comparison}${o.relative ? 'Relative' : ''}`, {
          metric: t(`analytics.metrics.${o.metric}`),
          target: value(o.target),
        })}
        {' · '}
        {dayRangeInZone(o.periodStart, new Date(new Date(o.periodEnd).getTime() - 1).toISOString(), zone, locale)}
      </p>
      <div
        className="objective-bar"
        role="progressbar"
        aria-label={t('analytics.objectives.progressLabel', { name: o.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-valuetext={t('analytics.objectives.currentOf', {
          current: value(current),
          target: value(o.target),
        })}
      >
        <span className="objective-fill" style={{ width: `${share * 100}%` }} />
        <span
          className="objective-elapsed"
          style={{ left: `${Math.min(1, Math.max(0, elapsed)) * 100}%` }}
          title={t('analytics.objectives.elapsed')}
        />
      </div>
      <p className="objective-figures">
        <span>
          {t('analytics.objectives.currentOf', {
            current: value(current),
            target: value(o.target),
          })}
        </span>
        <span className="muted">
          {t('analytics.objectives.elapsedShare', {
            share: new Intl.NumberFormat(locale, {
              style: 'percent',
              maximumFractionDigits: 0,
            }).format(elapsed),
          })}
        </span>
      </p>
      <p className="objective-forecast">
        {forecast === null
          ? t('analytics.objectives.noForecast')
          : t('analytics.objectives.forecast', {
              forecast: value(forecast),
              method: t(`analytics.forecast.${forecastMethod}`, {
                defaultValue: forecastMethod,
              }),
            })}
      </p>
      {status === 'behind' ? <p className="objective-warning">{t('analytics.objectives.behindWarning')}</p> : null}
      {actions}
    </li>
  );
}
