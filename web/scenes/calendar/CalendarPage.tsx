import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
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
import { CrisisControls } from '../publishing/CrisisControls.js';
import { excerpt } from '../publishing/status.js';
import { PostCalendar, type CalendarHandle } from './PostCalendar.js';
import { Filters, NO_FILTERS, toQuery, type CalendarFilters } from './Filters.js';
import { CampaignLegend } from './CampaignLegend.js';
import { UnscheduledList } from './UnscheduledList.js';
import { EmptyCalendar, NextPostHint } from './CalendarHints.js';
import { calendarHint, type CalendarHint } from './events.js';

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const wid = workspace.workspaceId;
  const [basics, reloadBasics] = usePublishingBasics(wid);
  const [filters, setFilters] = useState<CalendarFilters>(NO_FILTERS);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [posts, reloadPosts] = useLoad(
    () => (range ? publishing.posts.list(wid, { ...toQuery(filters), ...range, unscheduled: true }) : Promise.resolve({ items: [] })),
    [wid, range?.from, range?.to, JSON.stringify(filters)],
  );
  // The first post after the period on screen, named when the period has none to come.
  const [next, reloadNext] = useLoad(
    () => (range ? publishing.posts.list(wid, { ...toQuery(filters), from: range.to, limit: 1 }) : Promise.resolve({ items: [] })),
    [wid, range?.to, JSON.stringify(filters)],
  );
  const calendar = useRef<CalendarHandle>(null);
  const lastHint = useRef<CalendarHint>({ kind: 'none' });
  const [members] = useLoad(() => (workspace.can('members.read') ? api.members.list(wid) : Promise.resolve({ items: [] })), [wid]);
  // Keep showing the last posts while the next range loads, so the calendar does not flash empty.
  const shown = useRef<PostView[]>([]);
  if (posts.status === 'ready') shown.current = posts.data.items;

  const onRange = useCallback((from: string, to: string) => setRange((r) => (r?.from === from && r.to === to ? r : { from, to })), []);
  const canMove = useCallback(
    (p: PostView) => workspace.can('posts.write') && ['draft', 'in_review', 'approved', 'scheduled'].includes(p.status) && (p.status !== 'scheduled' || workspace.can('posts.publish')),
    [workspace.permissions],
  );
  // A post without a time gets one: drafts and posts in review keep their status, an approved post is scheduled.
  const canPlan = useCallback(
    (p: PostView) => workspace.can('posts.write') && ['draft', 'in_review', 'approved'].includes(p.status) && (p.status !== 'approved' || workspace.can('posts.publish')),
    [workspace.permissions],
  );

  if (basics.status === 'loading') return <Page title={t('areas.calendar.title')}><Loading /></Page>;
  if (basics.status === 'failed') return <Page title={t('areas.calendar.title')}><ErrorAlert>{errorMessage(t, basics.error)}</ErrorAlert></Page>;
  const { zone, weekStart, accounts, campaigns, settings } = basics.data;

  const onMove = (post: PostView, at: string, revert: () => void) => {
    setError(null);
    publishing.posts
      .reschedule(wid, post.id, at)
      .then(() => {
        setStatus(t('calendar.moved', { post: excerpt(post.body, 40), when: longInZone(at, zone, i18n.language) }));
        void reloadPosts();
        void reloadNext();
      })
      .catch((caught: unknown) => {
        revert();
        setError(t('calendar.moveFailed', { message: errorMessage(t, caught) }));
      });
  };

  const plan = async (postId: string, at: string) => {
    const post = shown.current.find((p) => p.id === postId);
    if (!post) return;
    setError(null);
    try {
      if (post.status === 'approved') await publishing.posts.schedule(wid, post.id, at);
      else await publishing.posts.reschedule(wid, post.id, at);
    } catch (caught) {
      throw new Error(t('calendar.planFailed', { message: errorMessage(t, caught) }));
    }
    setStatus(t('calendar.planned', { post: excerpt(post.body || '…', 40), when: longInZone(at, zone, i18n.language) }));
    await reloadPosts();
    void reloadNext();
  };
  const planDropped = (postId: string, at: string) => {
    plan(postId, at).catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  };

  const authors = members.status === 'ready' && members.data.items.length
    ? members.data.items.map((m) => ({ id: m.userId, name: m.name }))
    : [...new Map(shown.current.map((p) => [p.author.id, p.author])).values()];
  const base = workspacePath(wid, 'calendar');
  // Like the posts, the hint stays as it was while the next period loads.
  if (posts.status === 'ready' && next.status === 'ready' && range) {
    const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
    lastHint.current = calendarHint({ posts: shown.current, next: next.data.items[0] ?? null, filtered, periodEnd: range.to, now: Date.now() });
  }
  const hint = lastHint.current;
  const unscheduled = shown.current.filter((p) => !p.scheduledAt);

  return (
    <Page title={t('areas.calendar.title')} lead={t('calendar.zone', { zone: zoneLabel(t, zone) })}>
      <div className="calendar-actions">
        {workspace.can('posts.write') ? (
          <Link className="button button-primary" to={`${base}/new`}>
            {t('calendar.newPost')}
          </Link>
        ) : null}
        {workspace.can('posts.approve') ? (
          <Link className="button" to={`${base}/to-approve`}>
            {t('approvals.title')}
          </Link>
        ) : null}
        <CrisisControls settings={settings} zone={zone} onChanged={(message) => void reloadBasics().then(() => { setStatus(message); void reloadPosts(); void reloadNext(); })} />
      </div>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      {accounts.length === 0 ? (
        <p className="alert alert-info">
          {t('calendar.noAccounts')} <Link to={`${workspacePath(wid, 'settings')}/accounts`}>{t('accounts.title')}</Link>
        </p>
      ) : null}
      <Filters value={filters} onChange={setFilters} accounts={accounts} campaigns={campaigns} authors={authors} approvalRequired={settings.approvalSteps.length > 0} />
      <CampaignLegend campaigns={campaigns} />
      {posts.status === 'failed' ? <ErrorAlert>{errorMessage(t, posts.error)}</ErrorAlert> : null}
      {hint.kind === 'empty' ? <EmptyCalendar newPostPath={workspace.can('posts.write') ? `${base}/new` : null} /> : null}
      {hint.kind === 'next' ? <NextPostHint post={hint.post} zone={zone} onShow={() => calendar.current?.goTo(hint.post.scheduledAt!)} /> : null}
      <div className="calendar-area">
        <div className="calendar-layout">
          {unscheduled.length ? <UnscheduledList posts={unscheduled} base={base} zone={zone} canPlan={canPlan} onPlan={plan} /> : null}
          <PostCalendar
            handle={calendar}
            posts={shown.current}
            campaigns={campaigns}
            zone={zone}
            firstDay={weekStart === 'sunday' ? 0 : 1}
            canMove={canMove}
            onRange={onRange}
            onMove={onMove}
            onPlan={planDropped}
            onOpen={(post) => navigate(`${base}/posts/${encodeURIComponent(post.id)}`)}
          />
        </div>
      </div>
    </Page>
  );
}
