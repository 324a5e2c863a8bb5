import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../../components/NetworkIcon.js';
import { UserText } from '../../../components/UserText.js';
import type { Breakdown, Dashboard } from '../api.js';
import { formatNumber, formatValue } from '../figures.js';
import type { FilterKey } from '../useDashboardQuery.js';

const KINDS = [
  { id: 'byNetwork', filter: 'network' },
  { id: 'byAccount', filter: 'accountId' },
  { id: 'byCampaign', filter: 'campaignId' },
  { id: 'byLabel', filter: 'label' },
] as const;

export interface BreakdownPick {
  filter: FilterKey;
  key: string;
  label: string;
}

/** Engagement by network, account, campaign and label, as bars; each row opens the posts behind it. */
export function Breakdowns({ dashboard, onPick }: { dashboard: Dashboard; onPick: (pick: BreakdownPick) => void }) {
  return (
    <>
      {KINDS.map((k) => (
        <BreakdownCard
          key={k.id}
          kind={k.id}
          rows={dashboard[k.id]}
          onPick={(row, label) => onPick({ filter: k.filter, key: row.key, label })}
        />
      ))}
    </>
  );
}

function BreakdownCard({
  kind,
  rows,
  onPick,
}: {
  kind: string;
  rows: Breakdown[];
  onPick: (row: Breakdown, label: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const sorted = [...rows].sort((a, b) => b.engagement - a.engagement).slice(0, 12);
  const top = Math.max(1, ...sorted.map((r) => r.engagement));
  const name = (r: Breakdown) =>
    kind === 'byNetwork' ? t(`analytics.networks.${r.key}`, { defaultValue: r.label }) : r.label;
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`analytics.breakdowns.${kind}`)}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t(`analytics.breakdowns.${kind}Empty`)}</p>
      ) : (
        <ul className="bar-list">
          {sorted.map((r) => (
            <li key={r.key} className="bar-row breakdown-row">
              <span className="bar-label">
                {kind === 'byNetwork' ? <NetworkIcon network={r.key} /> : null}
                <UserText>{name(r).slice(0, 120)}</UserText>
              </span>
              <span className="bar-value">
                {t('analytics.breakdowns.value', {
                  engagement: formatNumber(r.engagement, locale),
                  count: r.posts,
                  posts: formatNumber(r.posts, locale),
                  rate: formatValue(r.engagementRateFollowers, 'percent', locale),
                })}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(r.engagement / top) * 100}%` }} />
              </span>
              <button
                type="button"
                className="button button-small breakdown-open"
                onClick={() => onPick(r, name(r))}
                aria-label={t('analytics.drill.breakdownLabel', {
                  name: name(r),
                })}
              >
                {t('analytics.drill.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
