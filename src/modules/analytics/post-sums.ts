import { sql, type RawBuilder } from 'kysely';
import { postsIn, type Reader } from './scope.js';
import type { Period, Scope } from './types.js';
import { nextDay, periodParts, previousDay, type Edge } from './rollups/days.js';
import { addPost, addSums, emptySums, POST_FIGURE_COLUMNS, POST_MEASURES, type PostDayRow, type PostFigures, type PostSums } from './rollups/post-days.js';

/**
 * How a period's posts are summed: all together, per account (with its network and campaign), per label or per
 * local day. The whole days come from the daily post rollup, summed in SQL; the parts of days at the period's ends
 * from the posts themselves, summed here with the rollup's own rule.
 */
export type PostGrouping = 'total' | 'account' | 'label' | 'day';

export interface PostGroup {
  account_id: string;
  network: string;
  /** '' outside any campaign. */
  campaign_id: string;
  label: string;
  day: string;
  sums: PostSums;
}

const COLUMNS: Record<PostGrouping, Array<'account_id' | 'network' | 'campaign_id' | 'label' | 'day'>> = {
  total: [], account: ['account_id', 'network', 'campaign_id'], label: ['label'], day: ['day'],
};

const MEASURES_SQL = sql.join(POST_MEASURES.map((m) => sql`sum(d.${sql.ref(m)}) as ${sql.ref(m)}`));

/** Which of the rollup's rows a scope reads: a label's rows for a label, the rows of every post otherwise; the labels' rows per label. */
function wantedLabel(scope: Scope, grouping: PostGrouping): ((label: string) => boolean) {
  if (grouping === 'label') return (l) => l !== '';
  const label = scope.label ?? '';
  return (l) => l === label;
}

function scopeSql(scope: Scope, grouping: PostGrouping): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [grouping === 'label' ? sql`d.label <> ''` : sql`d.label = ${scope.label ?? ''}`];
  if (scope.accountId) parts.push(sql`d.account_id = ${scope.accountId}`);
  if (scope.network) parts.push(sql`d.network = ${scope.network}`);
  if (scope.campaignId) parts.push(sql`d.campaign_id = ${scope.campaignId}`);
  return sql.join(parts, sql` and `);
}

const lastOfMonth = (month: string) => previousDay(`${nextMonth(month)}-01`);
const nextMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);
const previousMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);

/** Whole days [first, last] as the whole months they hold and the days around them. */
export function monthsAndDays(first: string, last: string): { months: [string, string] | null; days: Array<[string, string]> } {
  const m0 = first.endsWith('-01') ? first.slice(0, 7) : nextMonth(first.slice(0, 7));
  const m1 = last === lastOfMonth(last.slice(0, 7)) ? last.slice(0, 7) : previousMonth(last.slice(0, 7));
  if (m0 > m1) return { months: null, days: [[first, last]] };
  const days: Array<[string, string]> = [];
  if (first < `${m0}-01`) days.push([first, previousDay(`${m0}-01`)]);
  if (last > lastOfMonth(m1)) days.push([nextDay(lastOfMonth(m1)), last]);
  return { months: [m0, m1], days };
}

const KEYS = ['account_id', 'network', 'campaign_id', 'label', 'day'] as const;

/**
 * A label's posts per label they carry, over whole days, from the label pairs: the rows of the scope's label, each
 * summed under the label it is paired with (itself included).
 */
function pairsSelect(scope: Scope, whole: { first: string; last: string }, k: number): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`d.workspace_id = ${scope.workspaceId}`, sql`d.label = ${scope.label!}`, sql`d.day >= ${whole.first}`, sql`d.day <= ${whole.last}`];
  if (scope.accountId) parts.push(sql`d.account_id = ${scope.accountId}`);
  if (scope.network) parts.push(sql`d.network = ${scope.network}`);
  if (scope.campaignId) parts.push(sql`d.campaign_id = ${scope.campaignId}`);
  const columns = KEYS.map((c) => (c === 'label' ? sql`d.other as label` : sql`cast('' as text) as ${sql.ref(c)}`));
  return sql`select ${sql.lit(k)} as k, ${sql.join(columns)}, ${MEASURES_SQL}
    from analytics_post_label_pairs d where ${sql.join(parts, sql` and `)} group by d.other`;
}

/** One grouping's select over the rollups' whole days (the months they hold, and the days around them), its rows tagged k. */
function rollupSelect(scope: Scope, whole: { first: string; last: string }, grouping: PostGrouping, k: number): RawBuilder<unknown> {
  if (grouping === 'label' && scope.label) return pairsSelect(scope, whole, k);
  const cols: readonly string[] = COLUMNS[grouping];
  const keys = cols.map((c) => sql`d.${sql.ref(c)}`);
  // A series needs each day: the monthly rows serve the other groupings.
  const { months, days } = grouping === 'day' ? { months: null, days: [[whole.first, whole.last]] as Array<[string, string]> } : monthsAndDays(whole.first, whole.last);
  const selected = sql.join([...keys, ...POST_MEASURES.map((m) => sql`d.${sql.ref(m)}`)]);
  const parts: RawBuilder<unknown>[] = [];
  if (days.length) {
    parts.push(sql`select ${selected} from analytics_post_days d where d.workspace_id = ${scope.workspaceId}
      and (${sql.join(days.map(([a, b]) => sql`(d.day >= ${a} and d.day <= ${b})`), sql` or `)}) and ${scopeSql(scope, grouping)}`);
  }
  if (months) {
    parts.push(sql`select ${selected} from analytics_post_months d where d.workspace_id = ${scope.workspaceId}
      and d.month >= ${months[0]} and d.month <= ${months[1]} and ${scopeSql(scope, grouping)}`);
  }
  // Every select gives every key, '' for those its grouping has not, so that they line up.
  const columns = KEYS.map((c) => (cols.includes(c) ? sql`d.${sql.ref(c)}` : sql`cast('' as text)`));
  return sql`select ${sql.lit(k)} as k, ${sql.join(KEYS.map((c, i) => sql`${columns[i]!} as ${sql.ref(c)}`))}, ${MEASURES_SQL}
    from (${sql.join(parts, sql` union all `)}) d ${keys.length ? sql`group by ${sql.join(keys)}` : sql``}`;
}

/**
 * Several groupings' whole days: the groups of each, in order. SQLite reads them in one query; PostgreSQL in one
 * query each, side by side on the pool's connections (it would plan their union as parallel workers, whose start
 * costs more than the sums).
 */
async function fromRollups(r: Reader, scope: Scope, asks: ReadonlyArray<{ whole: { first: string; last: string }; grouping: PostGrouping } | null>): Promise<PostGroup[][]> {
  const out = asks.map((): PostGroup[] => []);
  const selects = asks.flatMap((a, k) => (a ? [rollupSelect(scope, a.whole, a.grouping, k)] : []));
  if (selects.length === 0) return out;
  const run = (q: RawBuilder<unknown>) => sql<Record<string, unknown>>`${q}`.execute(r.db).then((x) => x.rows);
  const rows = r.dialect === 'postgres' ? (await Promise.all(selects.map(run))).flat() : await run(sql.join(selects, sql` union all `));
  for (const row of rows) {
    const k = Number(row.k);
    // A grouping without keys sums to one row, empty when no post went out.
    if (COLUMNS[asks[k]!.grouping].length === 0 && Number(row.posts ?? 0) === 0) continue;
    out[k]!.push({
      account_id: String(row.account_id ?? ''), network: String(row.network ?? ''), campaign_id: String(row.campaign_id ?? ''),
      label: String(row.label ?? ''), day: String(row.day ?? ''),
      sums: Object.fromEntries(POST_MEASURES.map((m) => [m, Number(row[m] ?? 0)])) as PostSums,
    });
  }
  return out;
}

/** The posts published in parts of days, with what the rollup sums of them. */
async function postsOfEdges(r: Reader, scope: Scope, edges: readonly Edge[]): Promise<PostFigures[]> {
  if (edges.length === 0) return [];
  const columns = sql.join(POST_FIGURE_COLUMNS.map((c) => sql`p.${sql.ref(c)}`));
  const { rows } = await sql<PostFigures>`select ${columns} from analytics_posts p
    where ${sql.join(edges.map((e) => sql`(${postsIn(r, scope, e.start, e.end)})`), sql` or `)}`.execute(r.db);
  return rows.map((p) => ({ ...p, published_at: Number(p.published_at) }));
}

/** The period's posts of a scope, summed by a grouping. */
export async function postGroups(r: Reader, scope: Scope, period: Period, grouping: PostGrouping): Promise<PostGroup[]> {
  return (await postGroupsOf(r, scope, [{ period, grouping }]))[0]!;
}

/**
 * Several periods' or groupings' posts of a scope (a dashboard's groups and the totals it compares with), in two
 * queries: the rollups' whole days of them all (a label's posts per label from its label pairs), and the posts of
 * their parts of days, each summed here with the rollup's own rule into the groupings whose parts it falls in.
 */
export async function postGroupsOf(r: Reader, scope: Scope, asks: ReadonlyArray<{ period: Period; grouping: PostGrouping }>): Promise<PostGroup[][]> {
  const own = asks.map((a) => periodParts(a.period, r.zone));
  const edges = own.flatMap((p) => p.edges);
  const [wholes, posts] = await Promise.all([
    fromRollups(r, scope, own.map((p, k) => (p.days ? { whole: p.days, grouping: asks[k]!.grouping } : null))),
    postsOfEdges(r, scope, edges),
  ]);
  return asks.map((a, k) => {
    const parts = own[k]!;
    const whole = wholes[k]!;
    const inEdges = posts.filter((p) => parts.edges.some((e) => p.published_at >= e.start && p.published_at < e.end));
    if (inEdges.length === 0) return whole;
    const rows = new Map<string, PostDayRow>();
    for (const p of inEdges) addPost(rows, p, r.zone, 1);
    const cols = COLUMNS[a.grouping];
    const groups = new Map(whole.map((g) => [cols.map((c) => g[c]).join('\u0000'), g]));
    const wanted = wantedLabel(scope, a.grouping);
    for (const row of rows.values()) {
      if (!wanted(row.label)) continue;
      const key = cols.map((c) => row[c]).join('\u0000');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { account_id: row.account_id, network: row.network, campaign_id: row.campaign_id, label: row.label, day: row.day, sums: emptySums() }));
      addSums(g.sums, row);
    }
    return [...groups.values()];
  });
}

/** All the groups' sums together. */
export function totalOf(groups: readonly PostGroup[]): PostSums {
  const total = emptySums();
  for (const g of groups) addSums(total, g.sums);
  return total;
}
