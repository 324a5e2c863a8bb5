import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../api.js';
import { formatNumber, formatTick } from '../figures.js';
import { dayLong, dayShort } from '../days.js';
import { ChartCard } from './ChartCard.js';

const TICK = { fontSize: 12, fill: '#4a4336' };

/** Followers at the end of each day, every account of the scope added up. */
export function FollowersChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const rows = dashboard.series.map((p) => ({
    day: p.day,
    followers: p.followers,
  }));
  const known = rows.filter((r) => r.followers !== null);
  const count = (v: unknown) => formatNumber(Number(v) || 0, locale);
  const last = known[known.length - 1];
  const summary =
    // One day read: said once, not as a change from that day to itself.
    known.length > 0 && known[0].day === last.day
      ? t('analytics.followers.once', { count: Number(last.followers) || 0, n: count(last.followers), day: dayLong(last.day, locale) })
      : known.length > 0
      ? t('analytics.followers.summary', {
          first: count(known[0].followers),
          firstDay: dayLong(known[0].day, locale),
          last: count(known[known.length - 1].followers),
          lastDay: dayLong(known[known.length - 1].day, locale),
        })
      : t('analytics.nothing');
  return (
    <ChartCard
      title={t('analytics.followers.title')}
      summary={summary}
      table={
        <table>
          <caption className="visually-hidden">{t('analytics.followers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.day')}</th>
              <th scope="col" className="num">
                {t('analytics.figures.followers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {known.map((r) => (
              <tr key={r.day}>
                <th scope="row">{dayLong(r.day, locale)}</th>
                <td className="num">{count(r.followers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -4 }}>
          <CartesianGrid stroke="#e4ddcf" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(v: string) => dayShort(v, locale)} tick={TICK} minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => formatTick(v, locale)} tick={TICK} width={60} domain={['auto', 'auto']} />
          <Tooltip labelFormatter={(v) => dayLong(String(v), locale)} formatter={(v) => count(v)} />
          <Line
            type="monotone"
            dataKey="followers"
            name={t('analytics.figures.followers')}
            stroke="#15803d"
            strokeWidth={2.5}
            dot={known.length === 1}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
