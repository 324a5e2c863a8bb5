import { useEffect, useState } from 'react';
import type { PostStatus } from '../../../src/shared/api.js';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { longInZone } from '../../lib/zoned.js';
import { zoneLabel } from '../../lib/format.js';
import { usePublishingBasics } from '../publishing/basics.js';
import { StatusTag } from '../publishing/StatusTag.js';
import { Composer } from './Composer.js';
import { TargetsPanel } from './TargetsPanel.js';
import { ApprovalPanel } from './ApprovalPanel.js';
import { PostActivity } from './PostActivity.js';
import { PostActions } from './PostActions.js';
import { PostSummary } from './PostSummary.js';
import { isEditable } from '../publishing/status.js';

const REFRESH_MS = 1500;
const SOON_MS = 60_000;
const WAITING: readonly PostStatus[] = ['in_review', 'approved', 'scheduled'];

/** A message about the post, and the status it was true of (null until the post has been read again). */
interface Note {
  message: string;
  status: PostStatus | null;
}

function noteFrom(state: unknown): Note | null {
  const s = state as { message?: unknown; status?: unknown } | null;
  return typeof s?.message === 'string' && s.message ? { message: s.message, status: typeof s.status === 'string' ? (s.status as PostStatus) : null } : null;
}

/** One post: the composer while it can change, where it went on each account, its approvals and history. */
export function PostPage() {
  const { t, i18n } = useTranslation();
  const { postId = '' } = useParams();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const navigate = useNavigate();
  const location = useLocation();
  const [basics] = usePublishingBasics(wid);
  const [post, reload] = useLoad(() => publishing.posts.get(wid, postId), [wid, postId]);
  const [note, setNote] = useState<Note | null>(() => noteFrom(location.state));
  const [historyKey, setHistoryKey] = useState(0);
  const calendar = workspacePath(wid, 'calendar');

  // The message came with the navigation; a reload of the page must not bring it back.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const changed = (message: string) => {
    setNote({ message, status: null });
    setHistoryKey((k) => k + 1);
    void reload();
  };

  // A message is about the post as it was then: it gives way once the post moves on (approved, published…).
  const current = post.status === 'ready' ? post.data.status : null;
  useEffect(() => {
    if (current) setNote((n) => (n && n.status === null ? { ...n, status: current } : n));
  }, [current]);

  // While the post is going out, follow it until the networks have answered.
  const moving = post.status === 'ready' && (post.data.status === 'publishing' || (post.data.status === 'scheduled' && Date.parse(post.data.scheduledAt ?? '') - Date.now() < SOON_MS));
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [moving, reload]);

  const ready = post.status === 'ready' && basics.status === 'ready';
  // While publishing is paused, that is what matters about a post still to go out, not that it was saved.
  const paused = ready && basics.data.settings.paused && WAITING.includes(post.data.status);
  const message = !paused && note && (note.status === null || note.status === current) ? note.message : '';
  // An approver sees the decision first, above the post.
  const decidable = post.status === 'ready' && post.data.status === 'in_review' && post.data.approval.canDecide;
  return (
    <Page
      title={t('post.title')}
      badge={post.status === 'ready' ? <StatusTag status={post.data.status} approvalRequired={post.data.approval.required} /> : null}
      lead={ready ? (post.data.scheduledAt ? t('post.plannedFor', { date: longInZone(post.data.scheduledAt, basics.data.zone, i18n.language), zone: zoneLabel(t, basics.data.zone) }) : t('post.noTime')) : undefined}
    >
      <p>
        <Link to={calendar}>{t('post.back')}</Link>
      </p>
      <StatusMessage>{message}</StatusMessage>
      {paused ? <p className="alert alert-info post-paused">{t('post.paused')}</p> : null}
      {post.status === 'loading' || basics.status === 'loading' ? <Loading /> : null}
      {post.status === 'failed' ? <ErrorAlert>{errorMessage(t, post.error)}</ErrorAlert> : null}
      {basics.status === 'failed' ? <ErrorAlert>{errorMessage(t, basics.error)}</ErrorAlert> : null}
      {ready && decidable ? <ApprovalPanel post={post.data} onChanged={changed} /> : null}
      {ready ? (
        <div className="post-layout">
          {/* Those who do not write (a client, an analyst) read the post as it will go out, not a form they cannot use. */}
          {isEditable(post.data.status) && workspace.can('posts.write') ? (
            <Composer
              key={`${post.data.id}:${post.data.version}:${post.data.status}:${post.data.scheduledAt}`}
              basics={basics.data}
              post={post.data}
              onSaved={(_, message) => changed(message)}
              onReload={() => void reload()}
            />
          ) : (
            <PostSummary post={post.data} accounts={basics.data.accounts} />
          )}
          <aside className="post-side" aria-label={t('post.side')}>
            <TargetsPanel post={post.data} zone={basics.data.zone} onChanged={changed} />
            {decidable ? null : <ApprovalPanel post={post.data} onChanged={changed} />}
            <PostActions post={post.data} onChanged={changed} onDeleted={(message) => navigate(calendar, { state: { message } })} />
            <PostActivity post={post.data} zone={basics.data.zone} refresh={`${historyKey}:${post.data.status}`} onCommented={changed} />
          </aside>
        </div>
      ) : null}
    </Page>
  );
}
