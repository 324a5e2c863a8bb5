import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { workspacePath } from '../../../lib/areas.js';
import { UserText } from '../../../components/UserText.js';
import type { Dashboard, Figure } from '../api.js';
import { formatNumber, formatValue } from '../figures.js';
import { FigureGrid } from './FigureCard.js';

/** Nothing in either period: a row of zeros would only hide what to do. */
const silent = (f: Figure) => !f.value && !f.previous;

/**
 * What the inbox and listening say about the period: volume, answers, moderation, sentiment, share of voice. The
 * inbox's figures are null for a member who may not read it: the section is left out. A workspace that hears
 * nothing gets a line saying where listening starts rather than zeros.
 */
export function Community({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { inbox, listening } = dashboard;
  const readsInbox = inbox.volume.value !== null;
  const hears = !silent(listening.volume) || listening.shareOfVoice.length > 0;
  if (!hears && (!readsInbox || silent(inbox.volume))) {
    return (
      <div className="dashboard-wide">
        <section className="card analytics-section">
          <h2>{t('analytics.sections.community')}</h2>
          <p className="muted">
            {t('analytics.community.none')}{' '}
            <Link to={workspacePath(dashboard.scope.workspaceId, 'listening')}>{t('analytics.community.toListening')}</Link>
          </p>
        </section>
      </div>
    );
  }
  return (
    <>
      {readsInbox ? (
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
      ) : null}
      {hears ? (
        <>
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
      ) : (
        <div className="dashboard-wide">
          <section className="card analytics-section">
            <h2>{t('analytics.sections.listening')}</h2>
            <p className="muted">
              {t('analytics.community.noMentions')}{' '}
              <Link to={workspacePath(dashboard.scope.workspaceId, 'listening')}>{t('analytics.community.toListening')}</Link>
            </p>
          </section>
        </div>
      )}
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
              <li key={r.topicId} className="bar-row share-row">
                <span className="bar-label">
                  <span className="legend-swatch" style={{ background: r.color }} aria-hidden="true" />
                  <UserText>{r.name.slice(0, 120)}</UserText>
                  <span className="muted share-kind">{t(`listening.kinds.${r.kind}`, { defaultValue: r.kind })}</span>
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
