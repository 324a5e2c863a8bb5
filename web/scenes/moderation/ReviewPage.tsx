import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { moderation, type ReviewView } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { ModerationNav, moderationPath } from './ModerationNav.js';
import { ReviewCard } from './ReviewCard.js';
import { DecisionBuffer, type Decision } from './review-queue.js';
import { actionPhrase } from './summary.js';
import type { RuleAction } from '../../api/moderation.js';
import './moderation.css';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest('dialog') !== null);

/** Items waiting for a person, riskiest first: y confirms, n overturns, j/k move, u undoes. */
export function ReviewPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canAct = workspace.can('moderation.act');
  const [loaded, reload] = useLoad(() => moderation.reviews.pending(wid), [wid]);
  const [, rerender] = useState(0);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const moved = useRef(false);

  const buffer = useMemo(
    () =>
      new DecisionBuffer(
        async (review, decision) => {
          try {
            await moderation.reviews.decide(wid, review.id, decision);
          } catch (caught) {
            setHidden((h) => new Set([...h].filter((id) => id !== review.id)));
            setError(errorMessage(t, caught));
          }
        },
        () => rerender((n) => n + 1),
      ),
    [wid],
  );
  useEffect(() => () => buffer.flush(), [buffer]);
  useEffect(() => {
    const leave = () => buffer.flush();
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [buffer]);

  const all = loaded.status === 'ready' ? loaded.data.items : [];
  const queue = all.filter((r) => !hidden.has(r.id));
  const total = loaded.status === 'ready' ? Math.max(loaded.data.total ?? all.length, all.length) : 0;
  const left = Math.max(0, total - all.filter((r) => hidden.has(r.id)).length);
  const at = Math.min(current, Math.max(0, queue.length - 1));
  const focused = queue[at];

  // The page holds the riskiest first; once they are all decided, the next ones are fetched.
  useEffect(() => {
    if (loaded.status === 'ready' && queue.length === 0 && left > 0 && buffer.pending.length === 0) void reload();
  }, [loaded.status, queue.length, left, buffer.pending.length]);

  const phrase = (review: ReviewView) => actionPhrase(t, { type: review.action } as RuleAction);

  const decide = (review: ReviewView | undefined, decision: Decision) => {
    if (!review || !canAct) return;
    setError(null);
    setHidden((h) => new Set(h).add(review.id));
    buffer.decide(review, decision);
    setStatus(decision === 'confirm' ? t('moderation.review.confirmed', { action: phrase(review) }) : t('moderation.review.overturned'));
    moved.current = true;
  };

  const undo = () => {
    const back = buffer.undo();
    if (!back) return;
    setHidden((h) => new Set([...h].filter((id) => id !== back.review.id)));
    const index = all.filter((r) => r.id === back.review.id || !hidden.has(r.id)).findIndex((r) => r.id === back.review.id);
    setCurrent(Math.max(0, index));
    setStatus(t('moderation.review.undone'));
    moved.current = true;
  };

  // The card under the keyboard takes the focus when it changes by a key, so that screen readers read it.
  useEffect(() => {
    if (!moved.current || !focused) return;
    moved.current = false;
    cards.current.get(focused.id)?.focus();
  }, [focused?.id, at]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        e.preventDefault();
        moved.current = true;
        setCurrent(Math.max(0, Math.min(queue.length - 1, at + (key === 'j' ? 1 : -1))));
      } else if (key === 'y' || key === 'n') {
        e.preventDefault();
        decide(focused, key === 'y' ? 'confirm' : 'overturn');
      } else if (key === 'u') {
        e.preventDefault();
        undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const last = buffer.pending[buffer.pending.length - 1];
  return (
    <Page title={t('moderation.review.title')} lead={t('moderation.review.intro')}>
      <ModerationNav />
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' ? (
        <div className="mod-queue-bar">
          {/* An empty queue says so below: no "0 items left", no keys for cards that are not there. */}
          {left > 0 ? (
            <>
              <p className="mod-left">
                <strong>{t('moderation.review.left', { count: left })}</strong>
              </p>
              {canAct ? <p className="hint mod-keys">{t('moderation.review.keys')}</p> : <p className="hint">{t('moderation.review.readOnly')}</p>}
            </>
          ) : null}
          {last ? (
            <button type="button" className="button button-small" aria-keyshortcuts="u" onClick={undo}>
              {t('moderation.review.undo')}
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={() => void reload()}>
            {t('moderation.review.refresh')}
          </button>
        </div>
      ) : null}
      {loaded.status === 'ready' && queue.length === 0 ? (
        <div className="card mod-empty">
          <p>{t('moderation.review.empty')}</p>
          <p>
            <Link to={moderationPath(wid, '/rules')}>{t('moderation.review.seeRules')}</Link>
          </p>
        </div>
      ) : null}
      {queue.length > 0 ? (
        <ol className="mod-queue" aria-label={t('moderation.review.listLabel')}>
          {queue.map((review, i) => (
            <li key={review.id}>
              <ReviewCard
                ref={(node) => {
                  if (node) cards.current.set(review.id, node);
                  else cards.current.delete(review.id);
                }}
                review={review}
                position={i + 1}
                count={queue.length}
                current={i === at}
                canAct={canAct}
                confirmPhrase={phrase(review)}
                onFocus={() => setCurrent(i)}
                onDecide={(decision) => decide(review, decision)}
              />
            </li>
          ))}
        </ol>
      ) : null}
    </Page>
  );
}
