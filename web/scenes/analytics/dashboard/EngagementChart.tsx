import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../api.js';
import { formatNumber, formatTick } from '../figures.js';
import { dayLong, dayShort } from '../days.js';
import { ChartCard } from './ChartCard.js';

const TICK = { fontSize: 12, fill: '#4a4336' };

/** Engagement per day, the comparison period as a second line; a day opens its posts. */
export function EngagementChart({ dashboard, onDay }: { dashboard: Dashboard; onDay: (day: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const rows = dashboard.series.map((p, i) => ({
    day: p.day,
    engagement: p.engagement,
    posts: p.posts,
    previous: dashboard.comparisonSeries[i]?.engagement ?? null,
  }));
  const total = rows.reduce((sum, r) => sum + r.engagement, 0);
  const best = rows.reduce<(typeof rows)[number] | null>(
    (top, r) => (!top || r.engagement > top.engagement ? r : top),
    null,
  );
  const count = (v: unknown) => formatNumber(Number(v) || 0, locale);
  // The daily rollup cannot split a campaign or a label: the server then plots the posts published each day.
  const byPost = Boolean(dashboard.scope.campaignId || dashboard.scope.label);
  const summary =
    best && total > 0
      ? t('analytics.engagement.summary', {
          total: count(total),
          day: dayLong(best.day, locale),
          best: count(best.engagement),
        })
      : t('analytics.nothing');
  return (
    <ChartCard
      title={t('analytics.engagement.title')}
      summary={summary}
      formula={t(byPost ? 'analytics.engagement.formulaPosts' : 'analytics.engagement.formulaGained')}
      table={
        <table>
          <caption className="visually-hidden">{t('analytics.engagement.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.day')}</th>
              <th scope="col" className="num">
                {t('analytics.engagement.current')}
              </th>
              <th scope="col" className="num">
                {t(`analytics.engagement.${dashboard.comparison}`)}
              </th>
              <th scope="col" className="num">
                {t('analytics.figures.posts')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('analytics.drill.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.day}>
                <th scope="row">{dayLong(r.day, locale)}</th>
                <td className="num">{count(r.engagement)}</td>
                <td className="num">{r.previous === null ? '–' : count(r.previous)}</td>
                <td className="num">{count(r.posts)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => onDay(r.day)}
                    aria-label={t('analytics.drill.dayLabel', {
                      day: dayLong(r.day, locale),
                    })}
                  >
                    {t('analytics.drill.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart
          data={rows}
          accessibilityLayer={false}
          margin={{ top: 8, right: 12, bottom: 0, left: -12 }}
          onClick={(state) => {
            const label = state?.activeLabel;
            if (typeof label === 'string') onDay(label);
          }}
          style={{ cursor: 'pointer' }}
        >
          <CartesianGrid stroke="#e4ddcf" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(v: string) => dayShort(v, locale)} tick={TICK} minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => formatTick(v, locale)} tick={TICK} width={52} />
          <Tooltip labelFormatter={(v) => dayLong(String(v), locale)} formatter={(v) => count(v)} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Line
            type="monotone"
            dataKey="engagement"
            name={t('analytics.engagement.current')}
            stroke="#8a5300"
            strokeWidth={2.5}
            dot={false}
            activeDot={{ r: 5 }}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="previous"
            name={t(`analytics.engagement.${dashboard.comparison}`)}
            stroke="#1f6fd1"
            strokeDasharray="5 4"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
