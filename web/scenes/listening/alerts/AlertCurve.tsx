import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, ReferenceArea, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AlertDetail } from './api.js';
import { useWhen } from '../../../app/useWhen.js';
import { measure, topicColor, windowMinutes } from './text.js';

const STEP_MINUTES = 15;

/**
 * The last day in quarter hours with the alert's window shaded and the usual level drawn, so the spike is seen
 * against the day's rhythm. The picture is hidden from screen readers: a sentence and a table say the same.
 */
export function AlertCurve({ alert }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const clock = useWhen();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: clock.zone });
  const label = (iso: string) => time.format(new Date(iso));
  const start = new Date(alert.windowStart).getTime();
  const end = new Date(alert.windowEnd).getTime();
  const points = alert.curve.map((p) => {
    const at = new Date(p.at).getTime();
    return { ...p, inWindow: at + STEP_MINUTES * 60_000 > start && at <= end };
  });
  const inWindow = points.filter((p) => p.inWindow);
  const share = alert.kind === 'sentiment_drop';
  const measured = alert.kind === 'positive_surge' ? 'positive' : share ? 'negative' : 'count';
  // The radar's expectation covers the whole window; the bars are quarter hours.
  const usual = share ? null : (alert.expected * STEP_MINUTES) / Math.max(STEP_MINUTES, windowMinutes(alert));
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best), points[0] ?? { at: alert.windowStart, count: 0 });
  const color = topicColor(alert.topicColor);

  return (
    <figure className="alert-curve" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{t('crisis.curve.title')}</strong>{' '}
        {t('crisis.curve.summary', { measure: measure(t, alert, i18n.language), count: peak.count, at: label(peak.at) })}
      </figcaption>
      <div className="alert-curve-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e4ddcf" />
            <XAxis dataKey="at" tickFormatter={label} minTickGap={24} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={48} tick={{ fontSize: 12 }} />
            {inWindow.length ? <ReferenceArea x1={inWindow[0].at} x2={inWindow[inWindow.length - 1].at} fill="#f7c95c" fillOpacity={0.35} /> : null}
            <Bar dataKey="count" fill={color} fillOpacity={measured === 'count' ? 0.9 : 0.3} isAnimationActive={false} />
            {measured !== 'count' ? <Bar dataKey={measured} fill={measured === 'negative' ? '#a4231a' : '#1d6b35'} isAnimationActive={false} /> : null}
            {usual !== null ? <ReferenceLine y={usual} stroke="#1d1a14" strokeDasharray="5 4" /> : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="alert-curve-legend" aria-hidden="true">
        <span className="alert-key alert-key-window" /> {t('crisis.curve.window')}
        {usual !== null ? (
          <>
            <span className="alert-key alert-key-usual" /> {t('crisis.curve.usual')}
          </>
        ) : null}
      </p>
      <details className="alert-curve-table">
        <summary>{t('crisis.curve.table')}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('crisis.curve.time')}</th>
                <th scope="col">{t('crisis.curve.mentions')}</th>
                <th scope="col">{t('crisis.curve.negative')}</th>
                <th scope="col">{t('crisis.curve.positive')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.at} className={p.inWindow ? 'is-window' : undefined}>
                  <th scope="row">
                    {label(p.at)}
                    {p.inWindow ? <span className="visually-hidden"> {t('crisis.curve.inWindow')}</span> : null}
                  </th>
                  <td>{p.count}</td>
                  <td>{p.negative}</td>
                  <td>{p.positive}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
