import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import type { Dashboard } from '../api.js';
import { formatNumber, formatValue } from '../figures.js';
import { FigureGrid } from './FigureCard.js';

/** What the inbox and listening say about the period: volume, answers, moderation, sentiment, share of voice. */
export function Community({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { inbox, listening } = dashboard;
  return (
    <>
      <div className="dashboard-wide">
        <FigureGrid
          title={t('analytics.sections.inbox')}
          figures={[
            ['inboxVolume', inbox.volume],
            ['responseRate', inbox.responseRate],
            ['firstResponseMinutes', inbox.firstResponseMinutes],
            ['moderationActions', inbox.moderationActions],
            ['complaints', inbox.complaints],
            ['inboxNegativeShare', inbox.negativeShare],
          ]}
        />
      </div>
      <div className="dashboard-wide">
        <FigureGrid
          title={t('analytics.sections.listening')}
          figures={[
            ['listeningVolume', listening.volume],
            ['positiveShare', listening.positiveShare],
            ['listeningNegativeShare', listening.negativeShare],
          ]}
        />
      </div>
      <div className="dashboard-wide">
        <ShareOfVoice dashboard={dashboard} />
      </div>
    </>
  );
}

function ShareOfVoice({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const rows = [...dashboard.listening.shareOfVoice].sort((a, b) => b.share - a.share);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('analytics.shareOfVoice.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('analytics.shareOfVoice.empty')}</p>
      ) : (
        <>
          <ul className="bar-list">
            {rows.map((r) => (
              <li key={r.topicId} className="bar-row">
                <span className="bar-label">
                  <span className="legend-swatch" style={{ background: r.color }} aria-hidden="true" />
                  <UserText>{r.name.slice(0, 120)}</UserText>
                  <span className="muted">{t(`listening.kinds.${r.kind}`, { defaultValue: r.kind })}</span>
                </span>
                <span className="bar-value">
                  {t('analytics.shareOfVoice.value', {
                    share: formatValue(r.share, 'percent', locale),
                    count: r.mentions,
                    mentions: formatNumber(r.mentions, locale),
                  })}
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className="bar-fill"
                    style={{
                      width: `${Math.min(100, r.share)}%`,
                      background: r.color,
                    }}
                  />
                </span>
              </li>
            ))}
          </ul>
          <p className="figure-formula">{t('analytics.formulas.shareOfVoice')}</p>
        </>
      )}
    </section>
  );
}
