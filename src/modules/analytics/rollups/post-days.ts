import type { Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsPostDayTable, AnalyticsPostLabelPairTable, AnalyticsPostMonthTable, AnalyticsPostSlotTable } from '../../../store/analytics-schema.js';
import { DAY_MS, HOUR_MS, localDay, offsetAt } from '../time.js';
import { isPostgres, rollupZone } from './zone.js';
import { bumpVersions } from './version.js';

/** The columns of analytics_posts that the daily post rollup sums. */
export const POST_FIGURE_COLUMNS = [
  'workspace_id', 'account_id', 'network', 'campaign_id', 'labels', 'published_at',
  'likes', 'reposts', 'replies', 'quotes', 'views', 'followers_at_publish',
] as const;

export interface PostFigures {
  workspace_id: string;
  account_id: string;
  network: string;
  campaign_id: string | null;
  labels: string;
  published_at: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
  views: number | null;
  followers_at_publish: number | null;
}

export type PostDayRow = AnalyticsPostDayTable;
export type PostMonthRow = AnalyticsPostMonthTable;
export type PostSlotRow = AnalyticsPostSlotTable;
export type PostPairRow = AnalyticsPostLabelPairTable;

export const POST_MEASURES = ['posts', 'likes', 'reposts', 'replies', 'quotes', 'views', 'viewed', 'engagement', 'engagement_viewed', 'rated', 'rate_sum'] as const;
export type PostMeasure = (typeof POST_MEASURES)[number];
export type PostSums = Record<PostMeasure, number>;

export const emptySums = (): PostSums => ({ posts: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, viewed: 0, engagement: 0, engagement_viewed: 0, rated: 0, rate_sum: 0 });

/** A post's labels, each once: a label's row counts the posts that carry it. */
export function postLabels(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((l): l is string => typeof l === 'string' && l !== ''))] : [];
  } catch {
    return [];
  }
}

/** One post's share of each figure, with the dashboard's formulas (engagement counts quotes as 0 where unknown). */
export function postSums(p: PostFigures): PostSums {
  const quotes = p.quotes === null ? 0 : Number(p.quotes);
  const engagement = Number(p.likes) + Number(p.reposts) + Number(p.replies) + quotes;
  const viewed = p.views !== null;
  const followers = p.followers_at_publish === null ? 0 : Number(p.followers_at_publish);
  return {
    posts: 1, likes: Number(p.likes), reposts: Number(p.reposts), replies: Number(p.replies), quotes, views: viewed ? Number(p.views) : 0,
    viewed: viewed ? 1 : 0, engagement, engagement_viewed: viewed ? engagement : 0,
    rated: followers > 0 ? 1 : 0, rate_sum: followers > 0 ? (engagement * 100) / followers : 0,
  };
}

export function addSums(into: PostSums, s: PostSums, sign = 1) {
  for (const k of POST_MEASURES) into[k] += sign * s[k];
}

/** Adds (sign 1) or takes away (sign −1) a post's rows: the row of every post, and one per label it carries. */
export function addPost(rows: Map<string, PostDayRow>, p: PostFigures, zone: IANAZone, sign: 1 | -1) {
  const day = localDay(Number(p.published_at), zone);
  const sums = postSums(p);
  for (const label of ['', ...postLabels(p.labels)]) {
    const key = `${p.workspace_id}\u0000${day}\u0000${p.account_id}\u0000${p.campaign_id ?? ''}\u0000${label}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { workspace_id: p.workspace_id, day, account_id: p.account_id, network: p.network, campaign_id: p.campaign_id ?? '', label, ...emptySums() }));
    addSums(row, sums, sign);
  }
}

/**
 * Adds (sign 1) or takes away (sign −1) a post's label pairs: for each label it carries, a row per label it carries
 * (that one included), so that a label's posts split by their labels are read from its rows alone.
 */
export function addPostPairs(rows: Map<string, PostPairRow>, p: PostFigures, zone: IANAZone, sign: 1 | -1) {
  const labels = postLabels(p.labels);
  if (labels.length === 0) return;
  const day = localDay(Number(p.published_at), zone);
  const sums = postSums(p);
  for (const label of labels) {
    for (const other of labels) {
      const key = `${p.workspace_id}\u0000${label}\u0000${day}\u0000${p.account_id}\u0000${p.campaign_id ?? ''}\u0000${other}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { workspace_id: p.workspace_id, label, day, account_id: p.account_id, network: p.network, campaign_id: p.campaign_id ?? '', other, ...emptySums() }));
      addSums(row, sums, sign);
    }
  }
}

/**
 * A post's slot of the week on the zone's clock: weekday (0 = Monday) × 24 + hour, as best times place it in SQL
 * (1 January 1970, day 0 of the clock, was a Thursday).
 */
export function weekSlot(publishedAt: number, zone: IANAZone): number {
  const local = publishedAt + offsetAt(publishedAt, zone) * 60_000;
  return ((Math.floor(local / DAY_MS) + 3) % 7) * 24 + (Math.floor(local / HOUR_MS) % 24);
}

/** Adds (sign 1) or takes away (sign −1) a post's slot rows: the row of every post, and one per label it carries. */
export function addPostSlot(rows: Map<string, PostSlotRow>, p: PostFigures, zone: IANAZone, sign: 1 | -1) {
  const at = Number(p.published_at);
  const month = localDay(at, zone).slice(0, 7);
  const slot = weekSlot(at, zone);
  const engagement = postSums(p).engagement;
  for (const label of ['', ...postLabels(p.labels)]) {
    const key = `${p.workspace_id}\u0000${label}\u0000${month}\u0000${p.network}\u0000${String(slot).padStart(3, '0')}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { workspace_id: p.workspace_id, month, network: p.network, label, slot, posts: 0, engagement: 0 }));
    row.posts += sign;
    row.engagement += sign * engagement;
  }
}

export interface PostChange {
  /** The post as stored before the write; null for a new post. */
  before: PostFigures | null;
  /** The post as the write leaves it. */
  after: PostFigures | null;
}

const CHUNK = 400;
const isZero = (r: PostSums) => POST_MEASURES.every((k) => r[k] === 0);
const byKey = <T>(rows: Map<string, T>) => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);

/** Day rows summed per month. */
export function monthRows(days: Iterable<PostDayRow>): PostMonthRow[] {
  const months = new Map<string, PostMonthRow>();
  for (const { day, ...d } of days) {
    const month = day.slice(0, 7);
    const key = `${d.workspace_id}\u0000${month}\u0000${d.account_id}\u0000${d.campaign_id}\u0000${d.label}`;
    let m = months.get(key);
    if (!m) months.set(key, (m = { ...d, month, ...emptySums() }));
    addSums(m, d);
  }
  return [...months.values()];
}

type SumTable = 'analytics_post_days' | 'analytics_post_months' | 'analytics_post_label_pairs';
const SUM_KEYS: Record<SumTable, readonly string[]> = {
  analytics_post_days: ['workspace_id', 'day', 'account_id', 'campaign_id', 'label'],
  analytics_post_months: ['workspace_id', 'month', 'account_id', 'campaign_id', 'label'],
  analytics_post_label_pairs: ['workspace_id', 'label', 'day', 'account_id', 'campaign_id', 'other'],
};

async function addRows(trx: Kysely<Database>, table: SumTable, rows: Array<PostDayRow | PostMonthRow | PostPairRow>) {
  const keys = SUM_KEYS[table];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as never)
      .onConflict((oc) => oc.columns(keys as never).doUpdateSet((eb) => Object.fromEntries(POST_MEASURES.map((k) => [k, eb(`${table}.${k}` as never, '+', eb.ref(`excluded.${k}` as never))])) as never))
      .execute();
  }
  // Rows left without posts (a label taken off, a campaign changed) are removed.
  for (const r of rows.filter((x) => x.posts < 0)) {
    let q = trx.deleteFrom(table).where('posts', '<=', 0);
    for (const k of keys) q = q.where(k as never, '=', (r as unknown as Record<string, string>)[k] as never);
    await q.execute();
  }
}

/**
 * Moves posts' figures in the daily and monthly post rollups and the label pairs, inside the transaction that writes the posts: what a
 * post brought before is taken away from its rows, what it brings now is added, as increments that commute with
 * other writers'. Sorted, so that two writers lock the rows they share in the same order.
 */
export async function recordPostChanges(trx: Kysely<Database>, changes: readonly PostChange[]): Promise<void> {
  const zones = new Map<string, IANAZone>();
  const rows = new Map<string, PostDayRow>();
  const slots = new Map<string, PostSlotRow>();
  const pairs = new Map<string, PostPairRow>();
  for (const c of changes) {
    for (const [p, sign] of [[c.before, -1], [c.after, 1]] as const) {
      if (!p) continue;
      let zone = zones.get(p.workspace_id);
      if (!zone) zones.set(p.workspace_id, (zone = await rollupZone(trx, p.workspace_id)));
      addPost(rows, p, zone, sign);
      addPostSlot(slots, p, zone, sign);
      addPostPairs(pairs, p, zone, sign);
    }
  }
  const days = byKey(rows).filter((r) => !isZero(r));
  const slotRows = byKey(slots).filter((r) => r.posts !== 0 || r.engagement !== 0);
  const pairRows = byKey(pairs).filter((r) => !isZero(r));
  if (days.length === 0 && slotRows.length === 0) return;
  await bumpVersions(trx, zones.keys());
  await addRows(trx, 'analytics_post_days', days);
  const key = (m: PostMonthRow) => `${m.workspace_id}\u0000${m.month}\u0000${m.account_id}\u0000${m.campaign_id}\u0000${m.label}`;
  const months = monthRows(days).filter((r) => !isZero(r)).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  await addRows(trx, 'analytics_post_months', months);
  await addRows(trx, 'analytics_post_label_pairs', pairRows);
  await addSlotRows(trx, slotRows);
}

const SLOT_KEY = ['workspace_id', 'label', 'month', 'network', 'slot'] as const;

async function addSlotRows(trx: Kysely<Database>, rows: PostSlotRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx.insertInto('analytics_post_slots').values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns([...SLOT_KEY]).doUpdateSet((eb) => ({
        posts: eb('analytics_post_slots.posts', '+', eb.ref('excluded.posts')),
        engagement: eb('analytics_post_slots.engagement', '+', eb.ref('excluded.engagement')),
      })))
      .execute();
  }
  // Slots left without posts (a label taken off) are removed.
  for (const r of rows.filter((x) => x.posts < 0)) {
    await trx.deleteFrom('analytics_post_slots').where('workspace_id', '=', r.workspace_id).where('month', '=', r.month).where('network', '=', r.network)
      .where('label', '=', r.label).where('slot', '=', r.slot).where('posts', '<=', 0).execute();
  }
}

/** The stored figures of these posts, locked on PostgreSQL until the transaction ends: the "before" of a change. */
export async function lockPostFigures(trx: Kysely<Database>, ids: readonly string[]): Promise<Map<string, PostFigures>> {
  const out = new Map<string, PostFigures>();
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const rows = await trx.selectFrom('analytics_posts').select(['id', ...POST_FIGURE_COLUMNS]).where('id', 'in', sorted.slice(i, i + CHUNK))
      .orderBy('id').$if(isPostgres(trx), (q) => q.forUpdate()).execute();
    for (const { id, ...r } of rows) out.set(id, { ...r, published_at: Number(r.published_at) });
  }
  return out;
}
