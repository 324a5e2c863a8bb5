import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OverviewView, PostGlance } from '../../../../src/shared/api.js';
import { PostGlanceItem } from './PostGlanceItem.js';
import { dayKey, dayOf, timeOf } from './when.js';

interface AgendaCardProps {
  overview: OverviewView;
  postPath: (id: string) => string;
  newPostPath: string | null;
}

/** Today's posts, then the rest of the week day by day, in the workspace's zone. */
export function AgendaCard({ overview, postPath, newPostPath }: AgendaCardProps) {
  const { t, i18n } = useTranslation();
  const { zone } = overview;
  const todayKey = dayKey(overview.today.from, zone);
  const today = overview.agenda.filter((p) => p.scheduledAt && dayKey(p.scheduledAt, zone) === todayKey);
  const days = new Map<string, PostGlance[]>();
  for (const p of overview.agenda) {
    if (!p.scheduledAt) continue;
    const key = dayKey(p.scheduledAt, zone);
    if (key === todayKey) continue;
    days.set(key, [...(days.get(key) ?? []), p]);
  }
  const item = (p: PostGlance) => <PostGlanceItem key={p.id} post={p} to={postPath(p.id)} approvalRequired={overview.approvalRequired} when={p.scheduledAt ? timeOf(p.scheduledAt, zone, i18n.language) : null} />;

  return (
    <>
      <section className="card overview-card" aria-labelledby="overview-today">
        <h2 id="overview-today">
          {t('overview.today')} <span className="card-count">{today.length}</span>
        </h2>
        {today.length ? (
          <ul className="glance-list">{today.map(item)}</ul>
        ) : (
          <p className="muted">
            {t('overview.nothingToday')} {newPostPath ? <Link to={newPostPath}>{t('overview.planPost')}</Link> : null}
          </p>
        )}
      </section>
      <section className="card overview-card" aria-labelledby="overview-week">
        <h2 id="overview-week">{t('overview.thisWeek')}</h2>
        {days.size === 0 ? <p className="muted">{t('overview.nothingThisWeek')}</p> : null}
        {[...days].map(([key, posts]) => (
          <div key={key} className="agenda-day">
            <h3>{dayOf(posts[0].scheduledAt!, zone, i18n.language)}</h3>
            <ul className="glance-list">{posts.map(item)}</ul>
          </div>
        ))}
      </section>
    </>
  );
}
