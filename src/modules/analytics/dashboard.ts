import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Store } from '../../store/database.js';
import type { RoleName } from '../../shared/permissions.js';
import { mayReadInbox } from '../inbox/access.js';
import { accountsOf, type Reader, type ScopeAccount } from './scope.js';
import { breakdownOrder } from './breakdowns.js';
import { FLOP_MIN_AGE_MS, topAndFlop } from './post-performance.js';
import { keepFigures, keptFigures } from './dashboard-cache.js';
import { voiceTopics, type VoiceTopic } from './listening-figures.js';
import { figuresOf } from './dashboard-figures.js';
import { figuresOnThread } from './figure-threads.js';
import { readTogether } from './read-together.js';
import { zoneOf } from './time.js';
import { versionOf } from './rollups/version.js';
import type { Breakdown, Comparison, Dashboard, Period, PostPerformance, Scope } from './types.js';

/** The workspace's time zone, its analytics version and the clock, for the figure queries. */
export async function readerFor(store: Store, workspaceId: string, now: number): Promise<Reader> {
  const w = await store.db.selectFrom('workspaces').leftJoin('analytics_versions as v', 'v.workspace_id', 'workspaces.id')
    .select(['workspaces.timezone', 'v.version']).where('workspaces.id', '=', workspaceId).executeTakeFirst();
  return { db: store.db, dialect: store.dialect, zone: zoneOf(w?.timezone ?? 'UTC'), now, version: Number(w?.version ?? 0), file: store.file };
}

/** What a dashboard reads before its figures: the accounts the scope covers and the topics share of voice compares. */
export interface DashboardKnown {
  accounts: ScopeAccount[];
  topics: VoiceTopic[];
}

/**
 * On PostgreSQL, the workspace's zone and analytics version, the scope's accounts and the voice topics in one query
 * (one round trip instead of three); the same values, in the same order, as readerFor, accountsOf and voiceTopics.
 */
async function readerAndKnown(store: Store, scope: Scope, now: number): Promise<{ r: Reader; known: DashboardKnown } | null> {
  const { rows } = await sql<{ timezone: string; version: unknown; accounts: ScopeAccount[]; topics: VoiceTopic[] }>`select w.timezone, v.version,
    (select coalesce(json_agg(json_build_object('id', a.id, 'network', a.network, 'handle', a.handle) order by a.handle), '[]') from social_accounts a
      where a.workspace_id = w.id ${scope.accountId ? sql`and a.id = ${scope.accountId}` : sql``} ${scope.network ? sql`and a.network = ${scope.network}` : sql``}) as accounts,
    (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'kind', t.kind, 'color', t.color) order by t.id), '[]') from listening_topics t
      where t.workspace_id = w.id and t.archived_at is null and t.kind in ('brand', 'competitor')) as topics
    from workspaces w left join analytics_versions v on v.workspace_id = w.id where w.id = ${scope.workspaceId}`.execute(store.db);
  const w = rows[0];
  if (!w) return null;
  return { r: { db: store.db, dialect: store.dialect, zone: zoneOf(w.timezone ?? 'UTC'), now, version: Number(w.version ?? 0), file: store.file }, known: { accounts: w.accounts, topics: w.topics } };
}

export interface DashboardOptions {
  /** False when the reader may not read the inbox: its figures are left blank. */
  inbox?: boolean;
  /** Keep the dashboard in memory, and serve it again while the workspace's analytics version holds. */
  cache?: boolean;
  /** The accounts and topics, when the caller read them already. */
  known?: DashboardKnown;
}

/**
 * Every figure of a dashboard, made once per analytics version of the workspace when kept (see dashboard-cache.ts).
 * What changes without a change of figures is read each time: the accounts, campaigns and topics' names, and the
 * flops while the period's posts are not all 48 hours old (the clock alone lets a post in). On SQLite the figures
 * are made on a reader thread (figure-threads.ts); on PostgreSQL in one read-only transaction, their queries sent
 * together (read-together.ts).
 */
export async function dashboardFor(r: Reader, scope: Scope, period: Period, comparison: Comparison, options: DashboardOptions = {}): Promise<Dashboard> {
  const withInbox = options.inbox ?? true;
  const [accounts, topics] = options.known ? [options.known.accounts, options.known.topics] : await Promise.all([accountsOf(r.db, scope), voiceTopics(r.db, scope.workspaceId)]);
  const settled = period.end <= r.now - FLOP_MIN_AGE_MS;
  const keep = options.cache === true && r.version !== undefined;
  const key = JSON.stringify([scope, period, comparison, withInbox, r.zone.name, settled, accounts.map((a) => a.id), topics.map((t) => t.id)]);
  let campaigns: Map<string, string> | null = null;
  let d = keep ? keptFigures<Dashboard>(r.db, scope.workspaceId, r.version!, `dashboard ${key}`) : undefined;
  if (!d) {
    const wanted = { inbox: withInbox, posts: settled };
    const inline = () => readTogether(r, (t) => figuresOf(t, scope, period, comparison, accounts, topics, wanted));
    // On PostgreSQL outside a transaction the figures are read in one snapshot: the version and the campaigns' names
    // are read with them.
    const together = keep && r.dialect === 'postgres' && !r.file && !r.db.isTransaction;
    let readWith: number | undefined;
    if (together) {
      [d, readWith, campaigns] = await readTogether(r, (t) => Promise.all([
        figuresOf(t, scope, period, comparison, accounts, topics, wanted), versionOf(t.db, scope.workspaceId), campaignNames(t, scope.workspaceId),
      ]));
    } else {
      d = await (r.file ? figuresOnThread({ file: r.file, zone: r.zone.name, now: r.now, scope, period, comparison, accounts, topics, wanted }, inline) : inline());
    }
    if (keep) await keepFigures(r.db, scope.workspaceId, r.version!, `dashboard ${key}`, d, readWith);
  }
  return labelled(r, d, settled ? null : await topAndFlop(r, scope, period), accounts, topics, campaigns);
}

/** At most this many campaigns' names are read with a dashboard's figures; a workspace with more has them read after, those it shows only. */
const CAMPAIGN_NAMES = 200;

/** The workspace's campaigns' names, read with the figures (no round trip more); null when it has too many to read them all. */
async function campaignNames(r: Reader, workspaceId: string): Promise<Map<string, string> | null> {
  const rows = await r.db.selectFrom('campaigns').select(['id', 'name']).where('workspace_id', '=', workspaceId).limit(CAMPAIGN_NAMES + 1).execute();
  return rows.length > CAMPAIGN_NAMES ? null : new Map(rows.map((c) => [c.id, c.name]));
}

/** The figures with today's names: accounts' handles, campaigns' and topics' names and colours. */
async function labelled(r: Reader, d: Dashboard, posts: Pick<Dashboard, 'topPosts' | 'flopPosts'> | null, accounts: ScopeAccount[], topics: VoiceTopic[], campaigns: Map<string, string> | null = null): Promise<Dashboard> {
  const handles = new Map(accounts.map((a) => [a.id, a.handle]));
  const ids = d.byCampaign.map((c) => c.key);
  const names = campaigns ?? (ids.length === 0 ? new Map<string, string>() : new Map((await r.db.selectFrom('campaigns').select(['id', 'name'])
    .where('workspace_id', '=', d.scope.workspaceId).where('id', 'in', ids).execute()).map((c) => [c.id, c.name])));
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
  const now = ctx.clock.now();
  const [read, inbox] = await Promise.all([
    ctx.store.dialect === 'postgres' && !ctx.store.db.isTransaction ? readerAndKnown(ctx.store, scope, now) : null,
    mayReadInbox(ctx.store.db, scope.workspaceId, role),
  ]);
  if (read) return dashboardFor(read.r, scope, period, comparison, { inbox, cache: true, known: read.known });
  return dashboardFor(await readerFor(ctx.store, scope.workspaceId, now), scope, period, comparison, { inbox, cache: true });
}
