import { sql, type Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsMentionDayTable, AnalyticsModerationDayTable, AnalyticsTopicDayTable } from '../../../store/analytics-schema.js';
import { zoneOf } from '../time.js';
import { bumpVersions } from './version.js';
import { dayOfNumber, localDayNumberSql } from './days.js';
import { addPost, addPostPairs, addPostSlot, monthRows, POST_FIGURE_COLUMNS, POST_MEASURES, type PostDayRow, type PostMonthRow, type PostPairRow, type PostSlotRow } from './post-days.js';
import { WORKSPACE_DAY_MEASURES, type WorkspaceDayRow } from './workspace-days.js';
import { INBOX_FIGURE_COLUMNS, INBOX_MEASURES, inboxRows, type InboxDayRow, type InboxFigures } from './inbox-days.js';
import { moderationDaysFromRaw } from './moderation-days.js';

/** Every rollup row of a workspace, as its raw rows give them. */
export interface Rollups {
  posts: PostDayRow[];
  postMonths: PostMonthRow[];
  postSlots: PostSlotRow[];
  labelPairs: PostPairRow[];
  workspaceDays: WorkspaceDayRow[];
  inbox: InboxDayRow[];
  moderation: AnalyticsModerationDayTable[];
  mentions: AnalyticsMentionDayTable[];
  topics: AnalyticsTopicDayTable[];
}

const PAGE = 5000;

/** The rollups recomputed from the raw rows: posts in the process (labels are JSON), the rest grouped in SQL by local day. */
export async function rollupsFromRaw(db: Kysely<Database>, workspaceId: string, zone: IANAZone, options: { moderation?: boolean } = {}): Promise<Rollups> {
  const posts = new Map<string, PostDayRow>();
  const slots = new Map<string, PostSlotRow>();
  const pairs = new Map<string, PostPairRow>();
  // Paged by id, so that a large workspace is never held in memory whole.
  for (let after = ''; ;) {
    const page = await db.selectFrom('analytics_posts').select(['id', ...POST_FIGURE_COLUMNS]).where('workspace_id', '=', workspaceId)
      .where('id', '>', after).orderBy('id').limit(PAGE).execute();
    for (const p of page) {
      const figures = { ...p, published_at: Number(p.published_at) };
      addPost(posts, figures, zone, 1);
      addPostSlot(slots, figures, zone, 1);
      addPostPairs(pairs, figures, zone, 1);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }

  const range = async (table: 'listening_mentions') => {
    const r = await db.selectFrom(table).select((eb) => [eb.fn.min('created_at').as('lo'), eb.fn.max('created_at').as('hi')]).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return r?.lo == null ? null : { lo: Number(r.lo), hi: Number(r.hi) };
  };

  const items: InboxFigures[] = [];
  for (let after = ''; ;) {
    const page = await db.selectFrom('inbox_items').select(['id', ...INBOX_FIGURE_COLUMNS]).where('workspace_id', '=', workspaceId).where('account_id', 'is not', null)
      .where('id', '>', after).orderBy('id').limit(PAGE).execute();
    for (const { id: _, ...i } of page) items.push({ ...i, created_at: Number(i.created_at), received_at: Number(i.received_at), first_reply_at: i.first_reply_at === null ? null : Number(i.first_reply_at) });
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const inbox = inboxRows(items, () => zone);
  const moderation = (options.moderation ?? true) ? await moderationDaysFromRaw(db, workspaceId, zone) : [];

  let mentions: AnalyticsMentionDayTable[] = [];
  const heard = await range('listening_mentions');
  if (heard) {
    const day = localDayNumberSql(sql`m.created_at`, zone, heard.lo, heard.hi);
    const { rows } = await sql<Record<string, unknown>>`select m.network, ${day} as d, count(*) as volume,
        sum(case when m.sentiment = 'positive' then 1 else 0 end) as positive, sum(case when m.sentiment = 'negative' then 1 else 0 end) as negative
      from listening_mentions m where m.workspace_id = ${workspaceId} group by m.network, ${day}`.execute(db);
    mentions = rows.map((r) => ({ workspace_id: workspaceId, day: dayOfNumber(r.d), network: String(r.network), volume: Number(r.volume), positive: Number(r.positive), negative: Number(r.negative) }));
  }

  const topics: AnalyticsTopicDayTable[] = [];
  for (const { id } of await db.selectFrom('listening_topics').select('id').where('workspace_id', '=', workspaceId).execute()) {
    const r = await db.selectFrom('listening_topic_minutes').select((eb) => [eb.fn.min('minute').as('lo'), eb.fn.max('minute').as('hi')]).where('topic_id', '=', id).executeTakeFirst();
    if (r?.lo == null) continue;
    const day = localDayNumberSql(sql`(cast(t.minute as bigint) * 60000)`, zone, Number(r.lo) * 60_000, Number(r.hi) * 60_000);
    const { rows } = await sql<Record<string, unknown>>`select ${day} as d, sum(t.total) as total, sum(t.positive) as positive, sum(t.negative) as negative
      from listening_topic_minutes t where t.topic_id = ${id} group by ${day}`.execute(db);
    for (const row of rows) topics.push({ topic_id: id, day: dayOfNumber(row.d), total: Number(row.total), positive: Number(row.positive), negative: Number(row.negative) });
  }
  const { rows: accountDays } = await sql<Record<string, unknown>>`select d.day, a.network, sum(d.likes) as likes, sum(d.reposts) as reposts,
      sum(d.replies) as replies, sum(d.quotes) as quotes, sum(d.views) as views, sum(d.published) as published,
      coalesce(sum(d.followers), 0) as followers, count(d.followers) as read
    from analytics_account_days d join social_accounts a on a.id = d.account_id where d.workspace_id = ${workspaceId} group by d.day, a.network`.execute(db);
  const workspaceDays = accountDays.map((r) => ({ workspace_id: workspaceId, day: String(r.day), network: String(r.network),
    ...Object.fromEntries(WORKSPACE_DAY_MEASURES.map((m) => [m, Number(r[m] ?? 0)])) } as WorkspaceDayRow))
    .filter((r) => WORKSPACE_DAY_MEASURES.some((m) => r[m] !== 0));

  const days = [...posts.values()];
  return { posts: days, postMonths: monthRows(days), postSlots: [...slots.values()], labelPairs: [...pairs.values()], workspaceDays, inbox, moderation, mentions, topics };
}

export async function insertAll<T extends object>(db: Kysely<Database>, table: 'analytics_post_days' | 'analytics_post_months' | 'analytics_post_slots' | 'analytics_post_label_pairs' | 'analytics_workspace_days' | 'analytics_inbox_days' | 'analytics_moderation_days' | 'analytics_mention_days' | 'analytics_topic_days', rows: T[]) {
  const per = rows.length ? Math.floor(30_000 / Object.keys(rows[0]!).length) : 1;
  for (let i = 0; i < rows.length; i += per) await db.insertInto(table).values(rows.slice(i, i + per) as never).execute();
}

/**
 * Writes a workspace's rollups anew from its raw rows: when the rollups first appear, and when the workspace's time
 * zone changes (every day moves). Inside the caller's transaction when it passes one. `slots: false`,
 * `pairs: false` and `moderation: false` leave out the posts' slots of the week, label pairs and moderation days,
 * for the migration that runs before their tables exist (0035; 0047, 0053 and 0054 fill them).
 */
export async function rebuildRollups(db: Kysely<Database>, workspaceId: string, timezone?: string, options: { slots?: boolean; pairs?: boolean; moderation?: boolean } = {}): Promise<void> {
  const slots = options.slots ?? true;
  const pairs = options.pairs ?? true;
  const moderation = options.moderation ?? true;
  const name = timezone ?? (await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst())?.timezone ?? 'UTC';
  const fresh = await rollupsFromRaw(db, workspaceId, zoneOf(name), { moderation });
  await bumpVersions(db, [workspaceId]);
  await db.deleteFrom('analytics_post_days').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('analytics_post_months').where('workspace_id', '=', workspaceId).execute();
  if (pairs) await db.deleteFrom('analytics_post_label_pairs').where('workspace_id', '=', workspaceId).execute();
  if (slots) await db.deleteFrom('analytics_post_slots').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('analytics_workspace_days').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('analytics_inbox_days').where('workspace_id', '=', workspaceId).execute();
  if (moderation) await db.deleteFrom('analytics_moderation_days').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('analytics_mention_days').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('analytics_topic_days').where('topic_id', 'in', db.selectFrom('listening_topics').select('id').where('workspace_id', '=', workspaceId)).execute();
  await insertAll(db, 'analytics_post_days', fresh.posts);
  await insertAll(db, 'analytics_post_months', fresh.postMonths);
  if (slots) await insertAll(db, 'analytics_post_slots', fresh.postSlots);
  if (pairs) await insertAll(db, 'analytics_post_label_pairs', fresh.labelPairs);
  await insertAll(db, 'analytics_workspace_days', fresh.workspaceDays);
  await insertAll(db, 'analytics_inbox_days', fresh.inbox);
  if (moderation) await insertAll(db, 'analytics_moderation_days', fresh.moderation);
  await insertAll(db, 'analytics_mention_days', fresh.mentions);
  await insertAll(db, 'analytics_topic_days', fresh.topics);
}

/** What the stored rollups hold. */
export async function storedRollups(db: Kysely<Database>, workspaceId: string): Promise<Rollups> {
  const num = <T extends Record<string, unknown>>(r: T) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' || v === null ? v : Number(v)])) as T;
  return {
    posts: (await db.selectFrom('analytics_post_days').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    postMonths: (await db.selectFrom('analytics_post_months').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    postSlots: (await db.selectFrom('analytics_post_slots').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    labelPairs: (await db.selectFrom('analytics_post_label_pairs').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    workspaceDays: (await db.selectFrom('analytics_workspace_days').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    inbox: (await db.selectFrom('analytics_inbox_days').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    moderation: (await db.selectFrom('analytics_moderation_days').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    mentions: (await db.selectFrom('analytics_mention_days').selectAll().where('workspace_id', '=', workspaceId).execute()).map(num),
    topics: (await db.selectFrom('analytics_topic_days').selectAll().where('topic_id', 'in', db.selectFrom('listening_topics').select('id').where('workspace_id', '=', workspaceId)).execute()).map(num),
  };
}

const KEYS = {
  posts: ['day', 'account_id', 'campaign_id', 'label'],
  postMonths: ['month', 'account_id', 'campaign_id', 'label'],
  postSlots: ['month', 'network', 'label', 'slot'],
  labelPairs: ['label', 'day', 'account_id', 'campaign_id', 'other'],
  workspaceDays: ['day', 'network'],
  inbox: ['day', 'account_id', 'network'],
  moderation: ['day', 'account_id', 'network'],
  mentions: ['day', 'network'],
  topics: ['topic_id', 'day'],
} as const;

/** Sums of engagement rates are floating point: added in another order they may differ in the last bits. */
const same = (a: unknown, b: unknown, measure: string) =>
  measure === 'rate_sum' ? Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(a)), Math.abs(Number(b))) : a === b;

/**
 * How the stored rollups differ from the raw rows' (empty when they agree), a line per differing row. The tests
 * and the benchmark check the incremental updates with it.
 */
export async function rollupDifferences(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const timezone = (await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst())?.timezone ?? 'UTC';
  const expected = await rollupsFromRaw(db, workspaceId, zoneOf(timezone));
  const stored = await storedRollups(db, workspaceId);
  const out: string[] = [];
  for (const table of Object.keys(KEYS) as Array<keyof Rollups>) {
    const keyOf = (r: object) => KEYS[table].map((k) => (r as Record<string, unknown>)[k]).join(' ');
    const measures = table === 'posts' || table === 'postMonths' || table === 'labelPairs' ? [...POST_MEASURES, 'network'] : table === 'postSlots' ? ['posts', 'engagement'] : table === 'workspaceDays' ? WORKSPACE_DAY_MEASURES : table === 'inbox' ? [...INBOX_MEASURES, 'waits'] : table === 'moderation' ? ['actions'] : table === 'mentions' ? ['volume', 'positive', 'negative'] : ['total', 'positive', 'negative'];
    const want = new Map(expected[table].map((r) => [keyOf(r), r as unknown as Record<string, unknown>]));
    for (const row of stored[table] as unknown as Record<string, unknown>[]) {
      const key = keyOf(row);
      const w = want.get(key);
      want.delete(key);
      for (const m of measures) if (!same(row[m], w?.[m] ?? (m === 'network' || m === 'waits' ? undefined : 0), m)) out.push(`${table} ${key} ${m}: stored ${row[m]}, raw ${w?.[m] ?? 0}`);
    }
    for (const [key] of want) out.push(`${table} ${key}: missing`);
  }
  return out;
}
