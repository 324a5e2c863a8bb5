import { Area, AreaChart, ResponsiveContainer } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useWhen } from '../../../app/useWhen.js';
import type { Stats } from '../api.js';
import { formatCount } from '../names.js';
import { formatPercent } from '../../../lib/format.js';
import { sentimentRows, totalsOf } from '../stats-view.js';
import { BucketTable, bucketAxes } from './BucketFigures.js';
import { ChartFigure, bucketLong } from './ChartFigure.js';

// Told apart by lightness as well as hue, for readers who do not see red and green.
export const SENTIMENT_COLORS = { negative: '#b42318', neutral: '#b8b0a0', positive: '#1d6b35' } as const;
const ORDER = ['negative', 'neutral', 'positive'] as const;

/** The selected topics' mentions over time, stacked by sentiment. */
export function SentimentChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const rows = sentimentRows(stats);
  const totals = totalsOf(rows);
  const count = (v: unknown) => formatCount(Number(v) || 0, locale);
  const summary =
    totals.total > 0
      ? t('listening.dashboard.sentiment.summary', {
          negative: formatPercent(totals.negative / totals.total, locale),
          positive: formatPercent(totals.positive / totals.total, locale),
          count: totals.total,
          n: count(totals.total),
        }) + (totals.peak ? ` ${t('listening.dashboard.sentiment.peak', { when: bucketLong(totals.peak.at, stats.bucket, locale, clock.zone), n: count(totals.peak.count) })}` : '')
      : t('listening.dashboard.nothing');

  return (
    <ChartFigure
      title={t('listening.dashboard.sentiment.title')}
      summary={summary}
      table={
        <BucketTable
          caption={t('listening.dashboard.sentiment.title')}
          bucket={stats.bucket}
          rows={rows}
          columns={ORDER.map((k) => ({ key: k, head: t(`listening.sentiment.${k}`) }))}
          count={count}
        />
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <AreaChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          {bucketAxes(stats.bucket, locale, clock.zone, count)}
          {ORDER.map((k) => (
            <Area key={k} type="monotone" dataKey={k} name={t(`listening.sentiment.${k}`)} stackId="s" stroke={SENTIMENT_COLORS[k]} fill={SENTIMENT_COLORS[k]} fillOpacity={0.75} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
      <ul className="chart-legend">
        {ORDER.map((k) => (
          <li key={k}>
            <span className="legend-swatch" style={{ background: SENTIMENT_COLORS[k] }} />
            {t(`listening.sentiment.${k}`)}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
