import type { AppContext } from '../../context.js';
import type { Store } from '../../store/database.js';
import type { RoleName } from '../../shared/permissions.js';
import { mayReadInbox } from '../inbox/access.js';
import { accountsOf, narrowsPosts, type Reader, type ScopeAccount } from './scope.js';
import { accountFollowersOf, followerTotalsOf, publishingFigures, totalsOf } from './publishing.js';
import { postGroupsOf, totalOf } from './post-sums.js';
import { accountSeriesOf, seriesOfGroups } from './series.js';
import { bestTimes } from './best-times.js';
import { breakdownOrder, breakdowns } from './breakdowns.js';
import { FLOP_MIN_AGE_MS, topAndFlop } from './post-performance.js';
import { keepFigures, keptFigures } from './dashboard-cache.js';
import { inboxFigures, inboxTotalsOf } from './inbox-figures.js';
import { listeningDaysOf, listeningFigures, sentimentOfDays, shareOfVoiceOf, sumOfDays, voiceTopics, type VoiceTopic } from './listening-figures.js';
import { comparisonPeriod, zoneOf } from './time.js';
import type { Breakdown, Comparison, Dashboard, Period, PostPerformance, Scope } from './types.js';

/** The workspace's time zone, its analytics version and the clock, for the figure queries. */
export async function readerFor(store: Store, workspaceId: string, now: number): Promise<Reader> {
  const w = await store.db.selectFrom('workspaces').leftJoin('analytics_versions as v', 'v.workspace_id', 'workspaces.id')
    .select(['workspaces.timezone', 'v.version']).where('workspaces.id', '=', workspaceId).executeTakeFirst();
  return { db: store.db, dialect: store.dialect, zone: zoneOf(w?.timezone ?? 'UTC'), now, version: Number(w?.version ?? 0) };
}

export interface DashboardOptions {
  /** False when the reader may not read the inbox: its figures are left blank. */
  inbox?: boolean;
  /** Keep the dashboard in memory, and serve it again while the workspace's analytics version holds. */
  cache?: boolean;
}

/**
 * Every figure of a dashboard, made once per analytics version of the workspace when kept (see dashboard-cache.ts).
 * What changes without a change of figures is read each time: the accounts, campaigns and topics' names, and the
 * flops while the period's posts are not all 48 hours old (the clock alone lets a post in).
 */
export async function dashboardFor(r: Reader, scope: Scope, period: Period, comparison: Comparison, options: DashboardOptions = {}): Promise<Dashboard> {
  const withInbox = options.inbox ?? true;
  const [accounts, topics] = await Promise.all([accountsOf(r.db, scope), voiceTopics(r.db, scope.workspaceId)]);
  const settled = period.end <= r.now - FLOP_MIN_AGE_MS;
  const keep = options.cache === true && r.version !== undefined;
  const key = JSON.stringify([scope, period, comparison, withInbox, r.zone.name, settled, accounts.map((a) => a.id), topics.map((t) => t.id)]);
  let d = keep ? keptFigures<Dashboard>(r.db, scope.workspaceId, r.version!, `dashboard ${key}`) : undefined;
  if (!d) {
    d = await figuresOf(r, scope, period, comparison, accounts, topics, { inbox: withInbox, posts: settled });
    if (keep) await keepFigures(r.db, scope.workspaceId, r.version!, `dashboard ${key}`, d);
  }
  return labelled(r, d, settled ? null : await topAndFlop(r, scope, period), accounts, topics);
}

/**
 * The figures. The independent queries run together; each reads a daily rollup (posts by the day or month they went
 * out, the accounts' days, inbox items, mentions and topics by day), the posts of the period through an index (top
 * and flop posts, best times), or the raw rows of a part of a day at the period's ends, never the snapshots. The
 * period's posts are read once per account and campaign, for the totals and three breakdowns.
 */
async function figuresOf(r: Reader, scope: Scope, period: Period, comparison: Comparison, accounts: ScopeAccount[], topics: VoiceTopic[], wanted: { inbox: boolean; posts: boolean }): Promise<Dashboard> {
  const before = comparisonPeriod(period, comparison, r.zone);
  // Both periods' followers are read at once, for their totals and their series; so are both periods' days of the
  // accounts' rollup, of the inbox and of listening.
  const known = accountFollowersOf(r, accounts, [period, before]);
  // The posts' sums the figures need, in one query over the rollups and one over the posts of parts of days: per
  // account and per label over the period, in total over the one compared with, and per day over both when the
  // series comes from the posts.
  const fromPosts = narrowsPosts(scope);
  const sums = postGroupsOf(r, scope, [
    { period, grouping: 'account' }, { period, grouping: 'label' }, { period: before, grouping: 'total' },
    ...(fromPosts ? [{ period, grouping: 'day' as const }, { period: before, grouping: 'day' as const }] : []),
  ]);
  const both = fromPosts ? sums.then((s) => [seriesOfGroups(r, period, s[3]!), seriesOfGroups(r, before, s[4]!)]) : accountSeriesOf(r, accounts, [period, before], scope, known);
  const [[perAccount, totalsBefore], [followers, followersBefore], [days, daysBefore], flops, heat, parts, inboxes, [heard, heardBefore], sov] = await Promise.all([
    sums.then((s) => [s[0]!, totalsOf(totalOf(s[2]!))] as const),
    known.then((k) => k.map(followerTotalsOf)),
    both,
    wanted.posts ? topAndFlop(r, scope, period) : { topPosts: [], flopPosts: [] }, bestTimes(r, scope, period.end),
    sums.then((s) => breakdowns(r, scope, period, accounts, s[0], s[1])),
    wanted.inbox ? inboxTotalsOf(r, scope, [period, before]) : [null, null],
    listeningDaysOf(r, scope, [period, before], [true, false]),
    shareOfVoiceOf(r, topics, period),
  ]);
  const [inbox, inboxBefore] = inboxes;
  return {
    scope, timezone: r.zone.name, period, comparison, comparisonPeriod: before,
    publishing: publishingFigures(totalsOf(totalOf(perAccount)), totalsBefore, followers!, followersBefore!),
    series: days, comparisonSeries: daysBefore,
    ...flops, bestTimes: heat, ...parts,
    inbox: inboxFigures(inbox, inboxBefore),
    listening: listeningFigures(sumOfDays(heard!), sumOfDays(heardBefore!), sov, sentimentOfDays(r, period, heard!)),
  };
}

/** The figures with today's names: accounts' handles, campaigns' and topics' names and colours. */
async function labelled(r: Reader, d: Dashboard, posts: Pick<Dashboard, 'topPosts' | 'flopPosts'> | null, accounts: ScopeAccount[], topics: VoiceTopic[]): Promise<Dashboard> {
  const handles = new Map(accounts.map((a) => [a.id, a.handle]));
  const ids = d.byCampaign.map((c) => c.key);
  const names = ids.length === 0 ? new Map<string, string>() : new Map((await r.db.selectFrom('campaigns').select(['id', 'name'])
    .where('workspace_id', '=', d.scope.workspaceId).where('id', 'in', ids).execute()).map((c) => [c.id, c.name]));
  const topic = new Map(topics.map((t) => [t.id, t]));
  const named = (list: Breakdown[], label: (key: string) => string) => list.map((b) => ({ ...b, label: label(b.key) })).sort(breakdownOrder);
  const handled = (p: PostPerformance) => ({ ...p, handle: handles.get(p.accountId) ?? p.handle });
  const { topPosts, flopPosts } = posts ?? d;
  return {
    ...d,
    byAccount: named(d.byAccount, (k) => (handles.has(k) ? `@${handles.get(k)}` : k)),
    byCampaign: named(d.byCampaign, (k) => names.get(k) ?? k),
    topPosts: topPosts.map(handled), flopPosts: flopPosts.map(handled),
    listening: {
      ...d.listening,
      shareOfVoice: d.listening.shareOfVoice.map((s) => ({ ...s, name: topic.get(s.topicId)?.name ?? s.name, kind: topic.get(s.topicId)?.kind ?? s.kind, color: topic.get(s.topicId)?.color ?? s.color }))
        .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)),
    },
  };
}

/** A dashboard as the member asking may see it: inbox figures only for those who may read the inbox. */
export async function computeDashboard(ctx: AppContext, scope: Scope, period: Period, comparison: Comparison, role: RoleName = 'owner'): Promise<Dashboard> {
  const [r, inbox] = await Promise.all([
    readerFor(ctx.store, scope.workspaceId, ctx.clock.now()),
    mayReadInbox(ctx.store.db, scope.workspaceId, role),
  ]);
  return dashboardFor(r, scope, period, comparison, { inbox, cache: true });
}
