import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../../app/useLoad.js';
import { analyticsApi } from '../api.js';
import { analyticsPath } from '../AnalyticsTabs.js';
import { ObjectiveCard } from './ObjectiveCard.js';

/** The objectives running now, on top of the dashboard, so a team sees first whether it is on course. */
export function ObjectivesSummary({ workspaceId, zone }: { workspaceId: string; zone: string }) {
  const { t } = useTranslation();
  const [loaded] = useLoad(() => analyticsApi.objectives.list(workspaceId), [workspaceId]);
  if (loaded.status !== 'ready') return null;
  const now = Date.now();
  const running = loaded.data.items.filter(
    (o) => new Date(o.periodEnd).getTime() > now && new Date(o.periodStart).getTime() <= now,
  );
  return (
    <section className="card analytics-section">
      <h2>{t('analytics.objectives.running')}</h2>
      {running.length === 0 ? (
        <p className="muted">
          {t('analytics.objectives.noneRunning')}{' '}
          <Link to={analyticsPath(workspaceId, '/objectives')}>{t('analytics.objectives.goTo')}</Link>
        </p>
      ) : (
        <>
          <ul className="objective-list">
            {running.map((o) => (
              <ObjectiveCard key={o.id} objective={o} zone={zone} />
            ))}
          </ul>
          <Link to={analyticsPath(workspaceId, '/objectives')}>{t('analytics.objectives.goTo')}</Link>
        </>
      )}
    </section>
  );
}
