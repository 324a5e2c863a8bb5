import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OverviewView } from '../../../../src/shared/api.js';
import { PostGlanceItem } from './PostGlanceItem.js';
import { dayAndTimeOf } from './when.js';

interface CrisisNoticeProps {
  crisis: NonNullable<OverviewView['crisis']>;
  held: OverviewView['agenda'];
  zone: string;
  calendarPath: string;
  postPath: (id: string) => string;
  canResume: boolean;
}

/** Publishing is paused: since when, by whom, which posts passed their time meanwhile, and where to resume. */
export function CrisisNotice({ crisis, held, zone, calendarPath, postPath, canResume }: CrisisNoticeProps) {
  const { t, i18n } = useTranslation();
  const since = dayAndTimeOf(crisis.pausedAt, zone, i18n.language);
  return (
    <section className="card overview-card crisis-card" aria-labelledby="overview-crisis">
      <h2 id="overview-crisis">{t('crisis.bannerTitle')}</h2>
      <p>{crisis.pausedBy ? t('overview.pausedBy', { date: since, name: crisis.pausedBy }) : t('crisis.bannerText', { date: since })}</p>
      {held.length ? (
        <>
          <p>{t('crisis.overdueCount', { count: held.length })}</p>
          <ul className="glance-list">
            {held.map((p) => (
              <PostGlanceItem key={p.id} post={p} to={postPath(p.id)} when={p.scheduledAt ? dayAndTimeOf(p.scheduledAt, zone, i18n.language) : null} />
            ))}
          </ul>
        </>
      ) : null}
      {canResume ? (
        <p className="card-footer">
          <Link to={calendarPath}>{t('overview.resumeInCalendar')}</Link>
        </p>
      ) : null}
    </section>
  );
}
