import { Line, LineChart, ResponsiveContainer } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useWhen } from '../../../app/useWhen.js';
import { UserText } from '../../../components/UserText.js';
import { showDirectionControls } from '../../../lib/bidi.js';
import type { Stats } from '../api.js';
import { formatCount } from '../names.js';
import { volumeRows } from '../stats-view.js';
import { BucketTable, bucketAxes } from './BucketFigures.js';
import { ChartFigure } from './ChartFigure.js';

/** Mentions over time, one line per topic in its colour. */
export function VolumeChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const rows = volumeRows(stats);
  const series = stats.volume.series;
  const totals = series.map((s) => ({ name: s.name, total: s.total.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0) }));
  const summary = totals.length
    ? t('listening.dashboard.volume.summary', {
        list: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
          totals.map((x) => t('listening.dashboard.volume.item', { name: showDirectionControls(x.name), count: x.total, n: formatCount(x.total, locale) })),
        ),
      })
    : t('listening.dashboard.nothing');
  const count = (v: unknown) => formatCount(Number(v) || 0, locale);

  return (
    <ChartFigure
      title={t('listening.dashboard.volume.title')}
      summary={summary}
      table={
        <BucketTable
          caption={t('listening.dashboard.volume.title')}
          bucket={stats.bucket}
          rows={rows}
          columns={series.map((s) => ({ key: s.topicId, head: <UserText>{s.name}</UserText> }))}
          count={count}
        />
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          {bucketAxes(stats.bucket, locale, clock.zone, count)}
          {series.map((s) => (
            <Line key={s.topicId} type="monotone" dataKey={s.topicId} name={showDirectionControls(s.name)} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
