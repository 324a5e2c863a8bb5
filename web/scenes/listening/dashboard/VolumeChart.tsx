import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import { showDirectionControls } from '../../../lib/bidi.js';
import type { Stats } from '../api.js';
import { formatCount } from '../names.js';
import { volumeRows } from '../stats-view.js';
import { ChartFigure, bucketLabel, bucketLong } from './ChartFigure.js';

/** Mentions over time, one line per topic in its colour. */
export function VolumeChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
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
        <table>
          <caption>{t('listening.dashboard.volume.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('listening.dashboard.when')}</th>
              {series.map((s) => (
                <th key={s.topicId} scope="col">
                  <UserText>{s.name}</UserText>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.at}>
                <th scope="row">{bucketLong(r.at, stats.bucket, locale)}</th>
                {series.map((s) => (
                  <td key={s.topicId}>{count(r[s.topicId])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#e4ddcf" vertical={false} />
          <XAxis dataKey="at" tickFormatter={(v: string) => bucketLabel(v, stats.bucket, locale)} tick={{ fontSize: 12, fill: '#4a4336' }} minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={count} tick={{ fontSize: 12, fill: '#4a4336' }} width={48} />
          <Tooltip labelFormatter={(v) => bucketLong(String(v), stats.bucket, locale)} formatter={(v) => count(v)} />
          {series.map((s) => (
            <Line key={s.topicId} type="monotone" dataKey={s.topicId} name={showDirectionControls(s.name)} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
