import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { longInZone } from '../../lib/zoned.js';

/** The period on screen has no post to come: when the next one goes, and a button to show it. */
export function NextPostHint({ post, zone, onShow }: { post: PostView; zone: string; onShow: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="calendar-next">
      <span>{t('calendar.nextPost', { when: longInZone(post.scheduledAt, zone, i18n.language) })}</span>
      <button type="button" className="button button-small" onClick={onShow}>
        {t('calendar.showNext')}
      </button>
    </p>
  );
}

/** Nothing planned from now on and no idea waiting: say so, and invite whoever may write to start. */
export function EmptyCalendar({ newPostPath }: { newPostPath: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card calendar-empty" aria-labelledby={id}>
      <h2 id={id}>{t('calendar.emptyTitle')}</h2>
      <p className="muted">{newPostPath ? t('calendar.emptyText') : t('calendar.emptyReader')}</p>
      {newPostPath ? (
        <Link className="button button-primary" to={newPostPath}>
          {t('calendar.firstPost')}
        </Link>
      ) : null}
    </section>
  );
}
