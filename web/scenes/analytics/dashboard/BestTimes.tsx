import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneLabel } from '../../../lib/format.js';
import type { Dashboard, HeatCell } from '../api.js';
import { formatNumber } from '../figures.js';
import { hourName, weekdayName } from '../days.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * When the workspace's posts did best: a table of weekdays by hours in the workspace's time zone. The colour is
 * only a hint; each cell says its figures in words, and a cell with posts is a button that opens them.
 */
export function BestTimes({ dashboard, onCell }: { dashboard: Dashboard; onCell: (cell: HeatCell) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const wider = useWiderThanBox(scroller);
  const locale = i18n.language;
  const cells = new Map(dashboard.bestTimes.map((c) => [`${c.weekday}-${c.hour}`, c]));
  const top = Math.max(0, ...dashboard.bestTimes.filter((c) => c.posts > 0).map((c) => c.meanEngagement));
  const best = [...dashboard.bestTimes]
    .filter((c) => c.posts > 0)
    .sort((a, b) => b.meanEngagement - a.meanEngagement)
    .slice(0, 3);
  // A cell is narrow: "1.2K" there, the whole figure in its name.
  const compact = (n: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(n);
  const say = (c: HeatCell) =>
    t('analytics.bestTimes.cell', {
      weekday: weekdayName(c.weekday, locale),
      hour: hourName(c.hour, locale),
      mean: formatNumber(c.meanEngagement, locale, 1),
      count: c.posts,
      posts: formatNumber(c.posts, locale),
    });
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('analytics.bestTimes.title')}</h2>
      <p className="chart-summary">
        {best.length > 0
          ? t('analytics.bestTimes.summary', {
              list: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                best.map((c) => `${weekdayName(c.weekday, locale)} ${hourName(c.hour, locale)}`),
              ),
              zone: zoneLabel(t, dashboard.timezone),
            })
          : t('analytics.bestTimes.empty')}
      </p>
      {wider ? (
        <p className="muted heat-hint" id={`${id}-hint`}>
          {t('analytics.bestTimes.scrollHint')}
        </p>
      ) : null}
      {/* Focusable when it scrolls, so that the keyboard can move it too. */}
      <div
        ref={scroller}
        className="table-scroll heat-scroll"
        tabIndex={wider ? 0 : undefined}
        role={wider ? 'region' : undefined}
        aria-labelledby={wider ? `${id}-title ${id}-hint` : undefined}
      >
        <table className="heat-map">
          <caption className="visually-hidden">
            {t('analytics.bestTimes.caption', {
              zone: zoneLabel(t, dashboard.timezone),
            })}
          </caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" className="heat-hour">
                  <span aria-hidden="true">{h}</span>
                  <span className="visually-hidden">{hourName(h, locale)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((w) => (
              <tr key={w}>
                <th scope="row" className="heat-day">
                  <abbr title={weekdayName(w, locale)}>{weekdayName(w, locale, 'short')}</abbr>
                </th>
                {HOURS.map((h) => {
                  const c = cells.get(`${w}-${h}`);
                  if (!c || c.posts === 0) return <td key={h} className="heat-cell heat-empty" />;
                  const level = top > 0 ? c.meanEngagement / top : 0;
                  return (
                    <td key={h} className="heat-cell">
                      <button
                        type="button"
                        className="heat-button"
                        style={{
                          background: `rgb(138 83 0 / ${Math.round(12 + level * 88)}%)`,
                          color: level > 0.5 ? '#fff' : '#1d1a14',
                        }}
                        aria-label={say(c)}
                        title={say(c)}
                        onClick={() => onCell(c)}
                      >
                        {compact(c.meanEngagement)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted heat-legend">
        {t('analytics.bestTimes.legend', {
          zone: zoneLabel(t, dashboard.timezone),
        })}
      </p>
    </section>
  );
}

/** Whether the box's content is wider than the box (the heat map on a phone), followed as the window is resized. */
function useWiderThanBox(box: RefObject<HTMLDivElement | null>): boolean {
  const [wider, setWider] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWider(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);
  return wider;
}
