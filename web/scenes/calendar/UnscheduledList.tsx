import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Draggable } from '@fullcalendar/interaction';
import type { PostView } from '../../../src/shared/api.js';
import { excerpt } from '../publishing/status.js';
import { PostEventContent } from './PostEventContent.js';
import { PlanForm } from './PlanForm.js';

interface Props {
  posts: PostView[];
  base: string;
  zone: string;
  canPlan: (post: PostView) => boolean;
  /** Resolves once the post has its time; rejects with a message to show. */
  onPlan: (postId: string, at: string) => Promise<void>;
}

/**
 * Drafts and ideas without a planned time. Each can be dragged onto a day or an hour of the calendar, or planned
 * from the keyboard with its Plan button.
 */
export function UnscheduledList({ posts, base, zone, canPlan, onPlan }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const [planning, setPlanning] = useState<string | null>(null);

  const close = (postId: string) => {
    setPlanning(null);
    // Back to the button that opened the form, for keyboard users.
    requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>(`[data-post-id="${CSS.escape(postId)}"] .plan-button`)?.focus());
  };

  useEffect(() => {
    if (!list.current) return;
    const draggable = new Draggable(list.current, {
      itemSelector: '.unplanned-post.is-movable',
      eventData: (el) => ({ create: false, title: el.dataset.title ?? '', duration: '00:30' }),
    });
    return () => draggable.destroy();
  }, []);

  return (
    <section className="card unscheduled" aria-labelledby="unscheduled-title">
      <div className="unscheduled-top">
        <h2 id="unscheduled-title">{t('calendar.unscheduled')}</h2>
        {posts.some(canPlan) ? <p className="muted unscheduled-hint">{t('calendar.dragHint')}</p> : null}
      </div>
      <ul className="unplanned-list" ref={list}>
        {posts.map((p) => {
          const text = excerpt(p.body || p.thread[0] || '…', 80);
          const movable = canPlan(p);
          return (
            <li key={p.id} className={`unplanned-post post-${p.status}${movable ? ' is-movable' : ''}`} data-post-id={p.id} data-title={text}>
              <Link className="unplanned-link" to={`${base}/posts/${encodeURIComponent(p.id)}`} draggable={false}>
                <PostEventContent post={p} title={text} layout="side" />
              </Link>
              {movable ? (
                planning === p.id ? (
                  <PlanForm
                    zone={zone}
                    post={text}
                    onCancel={() => close(p.id)}
                    onPlan={(at) => onPlan(p.id, at).then(() => setPlanning(null))}
                  />
                ) : (
                  <button type="button" className="button button-small plan-button" aria-label={t('calendar.planPost', { post: text })} onClick={() => setPlanning(p.id)}>
                    {t('calendar.plan')}
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
