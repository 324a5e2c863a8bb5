import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostEventView, PostView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { longInZone } from '../../lib/zoned.js';
import { networkName } from '../../lib/counters.js';
import '../../styles/visibility.css';

interface PostActivityProps {
  post: PostView;
  zone: string;
  refresh: string;
  onCommented: (message: string) => void;
}

function eventText(t: (k: string, o?: Record<string, unknown>) => string, e: PostEventView, zone: string, locale: string): string {
  const who = e.actor?.name ?? t('audit.system');
  if (e.kind === 'waiting_for_budget') {
    const network = networkName(String(e.data.network ?? ''));
    const until = longInZone(typeof e.data.until === 'string' ? e.data.until : null, zone, locale);
    const reason = typeof e.data.reason === 'string' && e.data.reason ? e.data.reason : null;
    return reason ? t('postEvents.waiting_for_network', { network, until, reason }) : t('postEvents.waiting_for_budget', { network, until });
  }
  if (e.kind === 'network_warning') {
    return t('postEvents.network_warning', { network: networkName(String(e.data.network ?? '')), handle: String(e.data.handle ?? ''), warning: e.body });
  }
  if (e.kind === 'network_processing_failed') {
    // The network's words follow as the event's quote.
    return t('postEvents.network_processing_failed', { network: networkName(String(e.data.network ?? '')), handle: String(e.data.handle ?? '') });
  }
  return t(`postEvents.${e.kind}`, { who, defaultValue: `${who}: ${e.kind}` });
}

/**
 * The post's history (every step, translated) and the comments on it. The team's comments stay internal unless
 * ticked visible to the client; a client's comments are always visible to clients.
 */
export function PostActivity({ post, zone, refresh, onCommented }: PostActivityProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const [history, reload] = useLoad(() => publishing.posts.history(workspace.workspaceId, post.id), [post.id, refresh]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [visibleToClient, setVisibleToClient] = useState(false);
  const team = workspace.can('comments.internal');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return;
    setError(null);
    try {
      await publishing.posts.comment(workspace.workspaceId, post.id, comment.trim(), team ? { visibleToClient } : {});
      setComment('');
      setVisibleToClient(false);
      await reload();
      onCommented(t('post.commented'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('post.history')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <div className="field">
          <label htmlFor="post-comment">{t('post.comment')}</label>
          <textarea id="post-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={team ? 'post-comment-audience' : undefined} />
        </div>
        {team ? (
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={visibleToClient} onChange={(e) => setVisibleToClient(e.target.checked)} />
              {t('post.visibleToClient')}
            </label>
            <p className="hint" id="post-comment-audience">
              {visibleToClient ? t('post.visibleHint') : t('post.internalHint')}
            </p>
          </div>
        ) : null}
        <button type="submit" className="button button-small">
          {t('post.addComment')}
        </button>
      </form>
      {history.status === 'loading' ? <Loading /> : null}
      {history.status === 'failed' ? <ErrorAlert>{errorMessage(t, history.error)}</ErrorAlert> : null}
      {history.status === 'ready' ? (
        <ol className="history" reversed>
          {[...history.data.items].reverse().map((e) => (
            <li key={e.id} className={`history-${e.kind}`}>
              <span>{eventText(t as never, e, zone, i18n.language)}</span> <span className="muted">{longInZone(e.createdAt, zone, i18n.language)}</span>
              {e.kind === 'comment' && (e.internal || team) ? (
                <>
                  {' '}
                  <span className={e.internal ? 'tag tag-internal' : 'tag tag-shared'}>{e.internal ? t('post.internal') : t('post.sharedWithClient')}</span>
                </>
              ) : null}
              {e.body ? <blockquote>{e.body}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
