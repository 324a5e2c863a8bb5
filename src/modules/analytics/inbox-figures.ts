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

async function moderationActions(r: Reader, scope: Scope, period: Period): Promise<number> {
  const narrowed = Boolean(scope.accountId || scope.network);
  const { rows } = await sql<{ n: unknown }>`select count(*) as n from moderation_log m
    ${narrowed ? sql`join inbox_items i on i.id = m.item_id` : sql``}
    where m.workspace_id = ${scope.workspaceId} and m.created_at >= ${period.start} and m.created_at < ${period.end}
      and m.outcome = 'done' and m.undoes is null
      ${scope.accountId ? sql`and i.account_id = ${scope.accountId}` : sql``} ${scope.network ? sql`and i.network = ${scope.network}` : sql``}`.execute(r.db);
  return int(rows[0]?.n);
}

/**
 * The inbox's counts over a period: whole days from the daily inbox rollup, parts of days from the items, counted
 * with the rollup's own rule. Items that ask the team for an answer are replies, mentions and messages addressed to
 * one of the workspace's accounts (quotes comment rather than ask), less what moderation hid or deleted; the
 * response rate is the share of them the team replied to from Ruche (first_reply_at set). The waits of the
 * replied items come in order from each day; merged, their median is exact.
 */
async function inboxCounts(r: Reader, scope: Scope, period: Period, withWaits: boolean): Promise<InboxCounts & { sortedWaits: Float64Array }> {
  const { days, edges } = periodParts(period, r.zone);
  const [whole, parts] = await Promise.all([
    days ? r.db.selectFrom('analytics_inbox_days').select([...INBOX_MEASURES, sql<string>`${withWaits ? sql.ref('waits') : sql.lit('[]')}`.as('waits')])
      .where('workspace_id', '=', scope.workspaceId).where('day', '>=', days.first).where('day', '<=', days.last)
      .$if(Boolean(scope.accountId), (q) => q.where('account_id', '=', scope.accountId!))
      .$if(Boolean(scope.network), (q) => q.where('network', '=', scope.network!)).execute() : [],
    edges.length ? sql<ItemFigures>`select ${sql.join(INBOX_FIGURE_COLUMNS.map((c) => sql`i.${sql.ref(c)}`))} from inbox_items i
      where ${sql.join(edges.map((e) => sql`(${itemsIn(scope, e)})`), sql` or `)}`.execute(r.db) : { rows: [] },
  ]);
  const counts = emptyCounts();
  const lists: string[] = [];
  for (const row of whole) {
    for (const m of INBOX_MEASURES) counts[m] += int(row[m]);
    if (withWaits && int(row.replied) > 0) lists.push(row.waits.slice(1, -1));
  }
  for (const i of parts.rows) addItem(counts, { ...i, first_reply_at: num(i.first_reply_at), received_at: int(i.received_at), created_at: int(i.created_at) });
  if (counts.waits.length) lists.push(counts.waits.join(','));
  // The days' lists parsed at once; a typed array sorts numbers without a comparator, several times faster.
  return { ...counts, sortedWaits: Float64Array.from(JSON.parse(`[${lists.join(',')}]`) as number[]).sort() };
}

/**
 * What arrived in the inbox in a period and how the team answered it. `wait: false` leaves out the median first
 * response (null), which reads every replied item's wait, for a caller that does not show it.
 */
export async function inboxTotals(r: Reader, scope: Scope, period: Period, options: { wait?: boolean } = {}): Promise<InboxTotals> {
  const wait = options.wait ?? true;
  const [t, actions] = await Promise.all([inboxCounts(r, scope, period, wait), moderationActions(r, scope, period)]);
  return {
    volume: t.volume, asked: t.asked, answered: t.answered, complaints: t.complaints, negative: t.negative,
    firstResponseMinutes: wait ? medianMinutes(t.sortedWaits) : null, moderationActions: actions,
  };
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

