import { sql, type RawBuilder } from 'kysely';
import type { Reader } from './scope.js';
import { FORMULAS, figure, int, percent } from './figures.js';
import type { InboxFigures, Period, Scope } from './types.js';
import { periodParts } from './rollups/days.js';
import { INBOX_MEASURES, INBOX_SUMS_SQL, type InboxMeasure } from './rollups/inbox-days.js';

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

/** Median of first_reply_at − received_at (never below 0) over the period's items that got a reply, found in SQL. */
async function medianWait(r: Reader, where: RawBuilder<unknown>, replied: number): Promise<number | null> {
  if (replied === 0) return null;
  const wait = sql`case when i.first_reply_at > i.received_at then i.first_reply_at - i.received_at else 0 end`;
  const { rows } = await sql<{ w: unknown }>`select ${wait} as w from inbox_items i where ${where} and i.first_reply_at is not null
    order by w limit ${replied % 2 ? 1 : 2} offset ${Math.floor((replied - 1) / 2)}`.execute(r.db);
  const waits = rows.map((x) => int(x.w));
  if (waits.length === 0) return null;
  return waits.reduce((a, b) => a + b, 0) / waits.length / 60_000;
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
 * The inbox's counts over a period: whole days from the daily inbox rollup, parts of days from the items. Items
 * that ask the team for an answer are replies, mentions and messages addressed to one of the workspace's accounts
 * (quotes comment rather than ask), less what moderation hid or deleted; the response rate is the share of them
 * the team replied to from Ruche (first_reply_at set).
 */
async function inboxCounts(r: Reader, scope: Scope, period: Period): Promise<Record<InboxMeasure, number>> {
  const { days, edges } = periodParts(period, r.zone);
  const queries = edges.map((e) => sql<Record<string, unknown>>`select ${INBOX_SUMS_SQL} from inbox_items i where ${itemsIn(scope, e)}`.execute(r.db));
  if (days) {
    queries.push(sql<Record<string, unknown>>`select ${sql.join(INBOX_MEASURES.map((m) => sql`sum(d.${sql.ref(m)}) as ${sql.ref(m)}`))}
      from analytics_inbox_days d where d.workspace_id = ${scope.workspaceId} and d.day >= ${days.first} and d.day <= ${days.last}
      ${scope.accountId ? sql`and d.account_id = ${scope.accountId}` : sql``} ${scope.network ? sql`and d.network = ${scope.network}` : sql``}`.execute(r.db));
  }
  const counts = Object.fromEntries(INBOX_MEASURES.map((m) => [m, 0])) as Record<InboxMeasure, number>;
  for (const { rows } of await Promise.all(queries)) for (const m of INBOX_MEASURES) counts[m] += int(rows[0]?.[m]);
  return counts;
}

/** What arrived in the inbox in a period and how the team answered it. */
export async function inboxTotals(r: Reader, scope: Scope, period: Period): Promise<InboxTotals> {
  const [t, actions] = await Promise.all([inboxCounts(r, scope, period), moderationActions(r, scope, period)]);
  return {
    volume: t.volume, asked: t.asked, answered: t.answered, complaints: t.complaints, negative: t.negative,
    firstResponseMinutes: await medianWait(r, itemsIn(scope, period), t.replied), moderationActions: actions,
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

