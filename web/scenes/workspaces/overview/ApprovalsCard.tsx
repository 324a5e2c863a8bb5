import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OverviewView } from '../../../../src/shared/api.js';
import { PostGlanceItem } from './PostGlanceItem.js';
import { dayAndTimeOf } from './when.js';

interface ApprovalsCardProps {
  toApprove: NonNullable<OverviewView['toApprove']>;
  zone: string;
  postPath: (id: string) => string;
  approvalsPath: string;
}

/** Posts waiting for my decision at my step, soonest first, with the way to the full list. */
export function ApprovalsCard({ toApprove, zone, postPath, approvalsPath }: ApprovalsCardProps) {
  const { t, i18n } = useTranslation();
  const { count, items, waitingOthers } = toApprove;
  return (
    <section className={count ? 'card overview-card attention' : 'card overview-card'} aria-labelledby="overview-approve">
      <h2 id="overview-approve">
        {t('overview.toApprove')} <span className="card-count">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="muted">{waitingOthers ? t('overview.waitingOthers', { count: waitingOthers }) : t('overview.nothingToApprove')}</p>
      ) : (
        <ul className="glance-list glance-stacked">
          {items.map((p) => (
            <PostGlanceItem key={p.id} post={p} to={postPath(p.id)} when={p.scheduledAt ? dayAndTimeOf(p.scheduledAt, zone, i18n.language) : null} />
          ))}
        </ul>
      )}
      {count > 0 ? (
        <p className="card-footer">
          <Link to={approvalsPath}>{t('overview.allToApprove', { count })}</Link>
        </p>
      ) : null}
    </section>
  );
}
