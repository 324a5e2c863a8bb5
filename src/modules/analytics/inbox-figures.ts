import { sql, type RawBuilder } from 'kysely';
import type { Reader } from './scope.js';
import { FORMULAS, figure, int, num, percent } from './figures.js';
import type { InboxFigures, Period, Scope } from './types.js';
import { periodParts } from './rollups/days.js';
import { addItem, emptyCounts, INBOX_FIGURE_COLUMNS, INBOX_MEASURES, type InboxCounts, type InboxFigures as ItemFigures } from './rollups/inbox-days.js';

function itemsIn(scope: Scope, period: Period): RawBuilder<unknown> {
  const parts = [sql`i.workspace_id = ${scope.workspaceId}`, sql`i.account_id is not null`, sql`i.created_at >= ${period.start}`, sql`i.created_at < ${period.end}`];
  if (scope.accountId) parts.push(sql`i.account_id = ${scope.accountId}`);
  if (scope.network) parts.push(sql`i.network = ${scope.network}`);
  return sql.join(parts, sql` and `);
}

export interface InboxTotals {
  volume: number;
  asked: number;
  answered: number;
  complaints: number;
  negative: number;
  firstResponseMinutes: number | null;
  moderationActions: number;
}

/** The median of waits in order, in minutes. */
function medianMinutes(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return (n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2) / 60_000;
}

/**
 * Moderation actions in each period, in one query: whole days from the daily moderation rollup (an account's or a
 * network's are those whose item is theirs), parts of days from the log, with the rollup's own rule.
 */
async function moderationActions(r: Reader, scope: Scope, periods: readonly Period[]): Promise<number[]> {
  const theirs = scope.accountId || scope.network
    ? sql`and exists (select 1 from inbox_items i where i.id = m.item_id ${scope.accountId ? sql`and i.account_id = ${scope.accountId}` : sql``}
        ${scope.network ? sql`and i.network = ${scope.network}` : sql``})`
    : sql``;
  const selects = periods.flatMap((period, k) => {
    const { days, edges } = periodParts(period, r.zone);
    return [
      ...(days ? [sql`select ${sql.lit(k)} as k, sum(d.actions) as n from analytics_moderation_days d where d.workspace_id = ${scope.workspaceId}
        and d.day >= ${days.first} and d.day <= ${days.last} ${scope.accountId ? sql`and d.account_id = ${scope.accountId}` : sql``}
        ${scope.network ? sql`and d.network = ${scope.network}` : sql``}`] : []),
      ...edges.map((e) => sql`select ${sql.lit(k)} as k, count(*) as n from moderation_log m where m.workspace_id = ${scope.workspaceId}
        and m.created_at >= ${e.start} and m.created_at < ${e.end} and m.outcome = 'done' and m.undoes is null ${theirs}`),
    ];
  });
  if (selects.length === 0) return periods.map(() => 0);
  const { rows } = await sql<Record<string, unknown>>`${sql.join(selects, sql` union all `)}`.execute(r.db);
  return periods.map((_, k) => rows.reduce((n, row) => n + (Number(row.k) === k ? int(row.n) : 0), 0));
}

/**
 * The inbox's counts over periods: whole days from the daily inbox rollup, parts of days from the items, counted
 * with the rollup's own rule. Items that ask the team for an answer are replies, mentions and messages addressed to
 * one of the workspace's accounts (quotes comment rather than ask), less what moderation hid or deleted; the
 * response rate is the share of them the team replied to from Ruche (first_reply_at set). The waits of the
 * replied items come in order from each day; merged, their median is exact. The periods' days are read in one
 * query, and their parts of days in another.
 */
async function inboxCounts(r: Reader, scope: Scope, periods: readonly Period[], withWaits: boolean): Promise<Array<InboxCounts & { sortedWaits: Float64Array }>> {
  const parts = periods.map((p) => periodParts(p, r.zone));
  const wholes = parts.flatMap((p) => (p.days ? [p.days] : []));
  const edges = parts.flatMap((p) => p.edges);
  const [whole, items] = await Promise.all([
    wholes.length ? r.db.selectFrom('analytics_inbox_days').select(['day', ...INBOX_MEASURES, sql<string>`${withWaits ? sql.ref('waits') : sql.lit('[]')}`.as('waits')])
      .where('workspace_id', '=', scope.workspaceId)
      .where((eb) => eb.or(wholes.map((w) => eb.and([eb('day', '>=', w.first), eb('day', '<=', w.last)]))))
      .$if(Boolean(scope.accountId), (q) => q.where('account_id', '=', scope.accountId!))
      .$if(Boolean(scope.network), (q) => q.where('network', '=', scope.network!)).execute() : [],
    edges.length ? sql<ItemFigures>`select ${sql.join(INBOX_FIGURE_COLUMNS.map((c) => sql`i.${sql.ref(c)}`))} from inbox_items i
      where ${sql.join(edges.map((e) => sql`(${itemsIn(scope, e)})`), sql` or `)}`.execute(r.db) : { rows: [] },
  ]);
  return parts.map(({ days, edges: own }) => {
    const counts = emptyCounts();
    const lists: string[] = [];
    for (const row of whole) {
      if (!days || row.day < days.first || row.day > days.last) continue;
      for (const m of INBOX_MEASURES) counts[m] += int(row[m]);
      if (withWaits && int(row.replied) > 0) lists.push(row.waits.slice(1, -1));
    }
    for (const i of items.rows) {
      const at = int(i.created_at);
      if (!own.some((e) => at >= e.start && at < e.end)) continue;
      addItem(counts, { ...i, first_reply_at: num(i.first_reply_at), received_at: int(i.received_at), created_at: at });
    }
    if (counts.waits.length) lists.push(counts.waits.join(','));
    // The days' lists parsed at once; a typed array sorts numbers without a comparator, several times faster.
    return { ...counts, sortedWaits: Float64Array.from(JSON.parse(`[${lists.join(',')}]`) as number[]).sort() };
  });
}

/**
 * What arrived in the inbox in a period and how the team answered it. `wait: false` leaves out the median first
 * response (null), which reads every replied item's wait, for a caller that does not show it.
 */
export async function inboxTotals(r: Reader, scope: Scope, period: Period, options: { wait?: boolean } = {}): Promise<InboxTotals> {
  return (await inboxTotalsOf(r, scope, [period], options))[0]!;
}

/** The same for several periods (a dashboard's and the one it compares with), in two queries and a count. */
export async function inboxTotalsOf(r: Reader, scope: Scope, periods: readonly Period[], options: { wait?: boolean } = {}): Promise<InboxTotals[]> {
  const wait = options.wait ?? true;
  const [counts, actions] = await Promise.all([inboxCounts(r, scope, periods, wait), moderationActions(r, scope, periods)]);
  return counts.map((t, i) => ({
    volume: t.volume, asked: t.asked, answered: t.answered, complaints: t.complaints, negative: t.negative,
    firstResponseMinutes: wait ? medianMinutes(t.sortedWaits) : null, moderationActions: actions[i]!,
  }));
}

export function inboxFigures(now: InboxTotals | null, before: InboxTotals | null): InboxFigures {
  const pick = (t: InboxTotals | null, f: (t: InboxTotals) => number | null) => (t ? f(t) : null);
  const rate = (t: InboxTotals) => percent(t.answered, t.asked);
  const negative = (t: InboxTotals) => percent(t.negative, t.volume);
  return {
    volume: figure(pick(now, (t) => t.volume), pick(before, (t) => t.volume), FORMULAS.inboxVolume),
    responseRate: figure(pick(now, rate), pick(before, rate), FORMULAS.responseRate),
    firstResponseMinutes: figure(pick(now, (t) => t.firstResponseMinutes), pick(before, (t) => t.firstResponseMinutes), FORMULAS.firstResponseMinutes),
    moderationActions: figure(pick(now, (t) => t.moderationActions), pick(before, (t) => t.moderationActions), FORMULAS.moderationActions),
    complaints: figure(pick(now, (t) => t.complaints), pick(before, (t) => t.complaints), FORMULAS.complaints),
    negativeShare: figure(pick(now, negative), pick(before, negative), FORMULAS.inboxNegativeShare),
  };
}

