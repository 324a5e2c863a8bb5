import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import { formatPercent } from '../../../lib/format.js';
import type { Stats } from '../api.js';
import { formatCount } from '../names.js';

/** How the conversation splits between the brand and its competitors: bars, with every share written out. */
export function ShareOfVoice({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const rows = [...stats.shareOfVoice].sort((a, b) => b.mentions - a.mentions);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('listening.dashboard.share.title')}</h2>
      <p className="hint">{t('listening.dashboard.share.lead')}</p>
      {rows.every((r) => r.mentions === 0) ? (
        <p className="muted">{t('listening.dashboard.nothing')}</p>
      ) : (
        <ul className="bar-list">
          {rows.map((r) => {
            const share = Number.isFinite(r.share) ? Math.min(1, Math.max(0, r.share)) : 0;
            return (
              <li key={r.topicId} className="bar-row">
                <span className="bar-label">
                  <UserText>{r.name}</UserText> <span className="muted">· {t(`listening.kinds.${r.kind}`, { defaultValue: r.kind })}</span>
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${share * 100}%`, background: r.color }} />
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
