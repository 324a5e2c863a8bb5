import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../../components/NetworkIcon.js';
import { UserText } from '../../../components/UserText.js';
import { formatPercent } from '../../../lib/format.js';
import type { Stats } from '../api.js';
import { formatCount } from '../names.js';

const NETWORKS = ['bluesky', 'mastodon', 'feed'];

/** Where the period's mentions came from: each network and source with its count and share. */
export function SourceBreakdown({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const rows = [...stats.sources].sort((a, b) => b.mentions - a.mentions).slice(0, 12);
  const total = rows.reduce((sum, r) => sum + r.mentions, 0);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('listening.dashboard.sources.title')}</h2>
      {total === 0 ? (
        <p className="muted">{t('listening.dashboard.nothing')}</p>
      ) : (
        <ul className="bar-list">
          {rows.map((r) => {
            const network = NETWORKS.includes(r.network) ? r.network : 'feed';
            const share = r.mentions / total;
            return (
              <li key={`${r.network}-${r.sourceId ?? ''}`} className="bar-row">
                <span className="bar-label">
                  <NetworkIcon network={network} />
                  {r.title ? <UserText>{r.title.slice(0, 120)}</UserText> : t(`listening.networks.${network}`)}
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${share * 100}%` }} />
                </span>
                <span className="bar-value">
                  {t('listening.dashboard.share.value', { share: formatPercent(share, locale), count: r.mentions, n: formatCount(r.mentions, locale) })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
