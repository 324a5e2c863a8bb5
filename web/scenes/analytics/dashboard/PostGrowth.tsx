import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../../app/useLoad.js';
import { LoadStatus } from '../../../components/LoadStatus.js';
import { dateTimeInZone } from '../../../lib/format.js';
import { analyticsApi } from '../api.js';
import { formatNumber } from '../figures.js';
import { growthTicks } from './growth-ticks.js';

const TICK = { fontSize: 11, fill: '#4a4336' };
const LINES = [
  ['likes', '#b91c1c'],
  ['reposts', '#15803d'],
  ['replies', '#1f6fd1'],
  ['quotes', '#7e22ce'],
] as const;

/** A post's counts at each reading: how fast it grew, and when it stopped. */
export function PostGrowth({ workspaceId, postId, zone }: { workspaceId: string; postId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [loaded, reload] = useLoad(() => analyticsApi.snapshots(workspaceId, postId), [workspaceId, postId]);
  if (loaded.status !== 'ready') return <LoadStatus loaded={loaded} reload={reload} />;
  const rows = loaded.data.items.map((s) => ({
    ...s,
    at: new Date(s.takenAt).getTime(),
  }));
  if (rows.length === 0) return <p className="muted">{t('analytics.post.noSnapshots')}</p>;
  const when = (v: unknown) => dateTimeInZone(new Date(Number(v)).toISOString(), zone, locale);
  const last = rows[rows.length - 1];
  const axis = growthTicks(rows[0].at, last.at, zone, locale);
  // In the table, a reading's time without its weekday and year: the summary above says them once.
  const short = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  return (
    <div className="post-growth">
      <figure className="chart-figure">
        <div className="post-growth-drawing" aria-hidden="true">
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e4ddcf" vertical={false} />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                ticks={axis.ticks}
                tickFormatter={(v) => axis.format.format(new Date(v))}
                tick={TICK}
                minTickGap={24}
              />
              <YAxis
                allowDecimals={false}
                tick={TICK}
                width={44}
                tickFormatter={(v: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(v)}
              />
              <Tooltip labelFormatter={when} formatter={(v) => formatNumber(Number(v) || 0, locale)} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {LINES.map(([key, color]) => (
                <Line
                  key={key}
                  type="stepAfter"
                  dataKey={key}
                  name={t(`analytics.figures.${key}`)}
                  stroke={color}
                  strokeWidth={2}
                  dot={rows.length < 20}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="chart-summary">
          {t('analytics.post.growthSummary', {
            count: rows.length,
            readings: formatNumber(rows.length, locale),
            first: when(rows[0].at),
            last: when(last.at),
            likes: formatNumber(last.likes, locale),
            reposts: formatNumber(last.reposts, locale),
            replies: formatNumber(last.replies, locale),
          })}
        </figcaption>
      </figure>
      <details className="chart-table">
        <summary>{t('analytics.chart.showTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('analytics.post.readings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.post.readAt')}</th>
                {LINES.map(([key]) => (
                  <th key={key} scope="col" className="num">
                    {t(`analytics.figures.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.at}>
                  <th scope="row" className="reading-time">
                    {short.format(new Date(r.at))}
                  </th>
                  {LINES.map(([key]) => {
                    const value = r[key];
                    return (
                      <td key={key} className="num">
                        {value === null ? '–' : formatNumber(value, locale)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
