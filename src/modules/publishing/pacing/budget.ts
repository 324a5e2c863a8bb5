import { sql, type Transaction } from 'kysely';
import crypto from 'node:crypto';
import type { AppContext } from '../../../context.js';
import { createBatcher, type Batcher } from '../../../jobs/index.js';
import { NETWORKS } from '../../../connectors/index.js';
import type { NetworkId, PublishPacing } from '../../../connectors/types.js';
import type { Database } from '../../../store/schema.js';

/** One account asking to send a post (its parts and its media). */
export interface SendRequest {
  accountId: string;
  network: NetworkId;
  posts: number;
  media: number;
  now: number;
  /** Set by the reservation: null when the send may go now, else the time to ask again. */
  until?: number | null;
  /** Why, when a network's own answer holds the account (its words). */
  reason?: string | null;
  /** A renewal asked ahead of need: how many posts the new allowance should hold. */
  want?: number;
  /** Asked before the posts are due: the allowance starts then, not now. */
  from?: number;
}

type Budget = PublishPacing['budgets'][number];
interface Usage { used: number; oldest: number | null }

const byContext = new WeakMap<AppContext, Batcher<SendRequest>>();
// Sends older than the longest window any network declares (a day) are no longer counted.
const KEEP_MS = 2 * 86_400_000;
const CLEAN_EVERY_MS = 3600_000;
const IN_SLICE = 1000;

export const pacingOf = (ctx: AppContext, network: NetworkId): PublishPacing | undefined =>
  ctx.connectors.pacing ? ctx.connectors.pacing(network) : NETWORKS[network]?.publishPacing;

/**
 * Asks the network's write budget for one send. The requests of a burst are reserved together: one transaction
 * reads what each account (and each app) sent within its windows, grants in order while the budget lasts, and
 * records the grants as one row per account. Every worker counts the same rows, so a burst shared by several
 * workers stays within the budget. A network without a declared budget is not asked.
 */
export async function reserveSend(ctx: AppContext, request: SendRequest): Promise<{ until: number | null; reason: string | null }> {
  if (!pacingOf(ctx, request.network)) return { until: null, reason: null };
  // Posts with media are not read ahead (they ask at their time).
  if (request.media === 0 && takeAllowance(ctx, request, arrived(ctx, request))) return { until: null, reason: null };
  await batcherOf(ctx).add(request);
  return { until: request.until ?? null, reason: request.reason ?? null };
}

/**
 * Asks ahead, before a burst is due, for the allowances its accounts will need (the posts this worker now holds
 * for each), so that none of them waits for a reservation at the planned time: a reservation then would lock the
 * same accounts as every other worker's, at the same moment. `wants` are the posts newly held: an allowance still
 * running grows by them (it is given back and granted again, larger, in one transaction). A budget that is spent
 * or a held account simply grants less or nothing, and those posts ask at their time as usual.
 */
export async function reserveAhead(ctx: AppContext, wants: Array<{ accountId: string; network: NetworkId; posts: number; at: number }>, now: number): Promise<void> {
  const allowances = allowancesOf(ctx);
  const coming = comingOf(ctx);
  for (const [accountId, c] of coming) if (c.until <= now) coming.delete(accountId);
  const asks: Promise<void>[] = [];
  for (const w of wants) {
    if (!pacingOf(ctx, w.network)) continue;
    const c = coming.get(w.accountId) ?? { posts: 0, at: w.at, until: 0 };
    c.posts += w.posts;
    c.at = Math.max(c.at, w.at);
    c.until = c.at + ALLOWANCE_MS;
    coming.set(w.accountId, c);
    const a = allowances.get(w.accountId);
    if (a && (a.renewing || (a.until > c.at && a.left >= c.posts))) continue;
    asks.push(batcherOf(ctx).add({ accountId: w.accountId, network: w.network, posts: 0, media: 0, now, want: c.posts, from: c.at }));
  }
  await Promise.all(asks);
}

/**
 * The posts this worker holds for each account, read ahead and not yet sent: what its allowance must cover when
 * they are due. Forgotten a few seconds after the last of them is due (a post skipped never asks).
 */
interface Coming { posts: number; at: number; until: number }
const comingByContext = new WeakMap<AppContext, Map<string, Coming>>();

function comingOf(ctx: AppContext): Map<string, Coming> {
  let map = comingByContext.get(ctx);
  if (!map) comingByContext.set(ctx, (map = new Map()));
  return map;
}

/** A post asks to go: one fewer of those held for its account is still to come. True when it was one of them. */
function arrived(ctx: AppContext, request: SendRequest): boolean {
  const coming = comingOf(ctx);
  const c = coming.get(request.accountId);
  if (!c) return false;
  c.posts -= request.posts;
  if (c.posts <= 0) coming.delete(request.accountId);
  return true;
}

function batcherOf(ctx: AppContext): Batcher<SendRequest> {
  let batcher = byContext.get(ctx);
  if (!batcher) byContext.set(ctx, (batcher = createBatcher((items) => reserveMany(ctx, items), 10_000)));
  return batcher;
}

/**
 * What an account may still send from this worker without asking the database: reserved with a grant, so that
 * the rest of a burst goes without waiting for a round trip each. It lasts a few seconds while the budget is
 * busy, half a minute while it is far from spent, and is renewed ahead of need (once half of it is used, in count
 * or in time), so that a steady stream of posts never waits for the database. What is left unused is given back
 * to the window when it runs out or is renewed.
 */
interface Allowance { rowId: string; left: number; size: number; until: number; ms: number; renewing: boolean }
const ALLOWANCE_MS = 5_000;
const ALLOWANCE_LONG_MS = 30_000;
/** Below this share of every window's budget, once granted, the allowance is a long one. */
const FAR_FROM_SPENT = 0.25;
const ALLOWANCE_MIN = 10;
const ALLOWANCE_MAX = 500;
const allowancesByContext = new WeakMap<AppContext, Map<string, Allowance>>();

function allowancesOf(ctx: AppContext): Map<string, Allowance> {
  let map = allowancesByContext.get(ctx);
  if (!map) allowancesByContext.set(ctx, (map = new Map()));
  return map;
}

/** Long while the budget is far from spent, short when busy, and never more than half the network's shortest window. */
function allowanceMs(pacing: PublishPacing, far: boolean): number {
  const windows = pacing.budgets.filter((b) => b.counts !== 'media').map((b) => b.windowMs);
  return Math.min(far ? ALLOWANCE_LONG_MS : ALLOWANCE_MS, ...windows.map((w) => w / 2));
}

/**
 * `readAhead`: the post was among those the allowance was reserved for. Using it up is then no sign of a stream
 * outgrowing it, and renewing in the middle of a burst would take the allowance away from the burst's other posts
 * while the renewal is written; the reservation ahead sizes it instead.
 */
function takeAllowance(ctx: AppContext, request: SendRequest, readAhead: boolean): boolean {
  const { accountId, posts, now } = request;
  const a = allowancesOf(ctx).get(accountId);
  if (!a || a.until <= now || a.left < posts) return false;
  a.left -= posts;
  const halfUsed = a.left * 2 <= a.size && !readAhead;
  if (!a.renewing && (halfUsed || now >= a.until - a.ms / 2)) {
    a.renewing = true;
    // Used up faster than it lasts: the next one holds twice as many.
    const renewal: SendRequest = { accountId, network: request.network, posts: 0, media: 0, now, want: halfUsed ? a.size * 2 : a.size };
    batcherOf(ctx).add(renewal).catch((err: unknown) => {
      a.renewing = false;
      ctx.log.warn({ err, accountId }, 'the account\'s publishing allowance was not renewed');
    });
  }
  return true;
}

/**
 * Unused allowances (of these accounts, and every expired one) back to the window, in the reservation's
 * transaction. Returns the rows of this worker's allowances, given back or still held: nothing more of them will
 * be freed by waiting.
 */
async function returnAllowances(trx: Transaction<Database>, ctx: AppContext, accountIds: Set<string>, now: number): Promise<Set<string>> {
  const map = allowancesOf(ctx);
  const unused: Allowance[] = [];
  const ours = new Set<string>();
  for (const [accountId, a] of map) {
    ours.add(a.rowId);
    if (!accountIds.has(accountId) && a.until > now) continue;
    map.delete(accountId);
    if (a.left > 0) unused.push(a);
  }
  // One statement per slice, not one per account: a burst over many accounts gives many back at once.
  for (let i = 0; i < unused.length; i += IN_SLICE) {
    const rows = unused.slice(i, i + IN_SLICE).map((a) => sql`(${a.rowId}, ${a.left})`);
    await sql`update publish_sends set posts = publish_sends.posts - cast(v.column2 as integer) from (values ${sql.join(rows)}) as v where publish_sends.id = v.column1`.execute(trx);
  }
  return ours;
}

/**
 * When another worker's allowance for these accounts ends (the earliest, per account): what it did not use goes
 * back then, so a post refused now may go sooner than the window says. Rows counted as sent in the future are
 * allowances still running; this worker's own are not waited for.
 */
async function othersAllowancesEnd(trx: Transaction<Database>, accountIds: string[], ours: Set<string>, now: number): Promise<Map<string, number>> {
  const ends = new Map<string, number>();
  for (let i = 0; i < accountIds.length; i += IN_SLICE) {
    const rows = await trx
      .selectFrom('publish_sends')
      .select(['id', 'account_id', 'sent_at'])
      .where('account_id', 'in', accountIds.slice(i, i + IN_SLICE))
      .where('sent_at', '>', now)
      .execute();
    for (const r of rows) {
      if (ours.has(r.id)) continue;
      const end = Number(r.sent_at);
      ends.set(r.account_id, Math.min(ends.get(r.account_id) ?? end, end));
    }
  }
  return ends;
}

/**
 * Two workers reserving for the same budget wait for each other here, once per batch, not per post. A budget per
 * account locks those accounts only (in one statement, in a fixed order, so two workers never deadlock), so that
 * workers serving different accounts reserve side by side; a budget shared by the whole app locks the network.
 */
async function lockBudgets(ctx: AppContext, trx: Transaction<Database>, networks: NetworkId[], items: SendRequest[]) {
  const keys: string[] = [];
  for (const n of networks) {
    if (pacingOf(ctx, n)!.budgets.some((b) => b.scope === 'app')) keys.push(`ruche.publish_budget.${n}`);
    else keys.push(...new Set(items.filter((i) => i.network === n).map((i) => `ruche.publish_budget.${n}.${i.accountId}`)));
  }
  await sql`select pg_advisory_xact_lock(k) from (select distinct hashtext(x) as k from unnest(${keys}::text[]) as x order by k) as ordered`.execute(trx);
}

let cleanedAt = 0;

async function reserveMany(ctx: AppContext, items: SendRequest[]): Promise<void> {
  const { store } = ctx;
  const now = Math.max(...items.map((i) => i.now));
  const granted: Array<[string, Allowance]> = [];
  await store.db.transaction().execute(async (trx) => {
    const networks = [...new Set(items.map((i) => i.network))].sort();
    const accountIds = new Set(items.map((i) => i.accountId));
    if (store.dialect === 'postgres') await lockBudgets(ctx, trx, networks, items);
    const ours = await returnAllowances(trx, ctx, accountIds, now);
    // Refused by an account's own budget only: another worker's unused allowance may free it sooner.
    const refusedByAccount: SendRequest[] = [];
    const holds = await readHolds(trx, [...accountIds], now);
    const grants = new Map<string, { network: NetworkId; posts: number; media: number; want: number; from: number }>();
    const usageOf = new Map<NetworkId, Map<string, Usage>>();
    for (const network of networks) {
      const pacing = pacingOf(ctx, network)!;
      const mine = items.filter((i) => i.network === network);
      const usage = await readUsage(trx, network, pacing, [...new Set(mine.map((i) => i.accountId))], now);
      usageOf.set(network, usage);
      for (const item of mine) {
        const hold = holds.get(item.accountId);
        if (hold) {
          item.until = hold.until;
          item.reason = hold.reason || null;
          continue;
        }
        let until: number | null = null;
        let byApp = false;
        for (const [b, budget] of pacing.budgets.entries()) {
          const cost = budget.counts === 'media' ? item.media : item.posts;
          if (cost === 0) continue;
          const u = usage.get(usageKey(b, budget, item.accountId))!;
          // A single send larger than the whole budget would wait forever: it goes alone in an empty window.
          if (u.used > 0 && u.used + cost > budget.max) {
            // Until the oldest send counted leaves the window.
            until = Math.max(until ?? 0, (u.oldest ?? now) + budget.windowMs);
            byApp ||= budget.scope === 'app';
          }
        }
        item.until = until;
        if (until !== null) {
          if (!byApp) refusedByAccount.push(item);
          continue;
        }
        for (const [b, budget] of pacing.budgets.entries()) {
          const u = usage.get(usageKey(b, budget, item.accountId))!;
          u.used += budget.counts === 'media' ? item.media : item.posts;
          u.oldest ??= now;
        }
        const g = grants.get(item.accountId) ?? { network, posts: 0, media: 0, want: 0, from: now };
        g.posts += item.posts;
        g.media += item.media;
        g.want = Math.max(g.want, item.want ?? 0);
        g.from = Math.max(g.from, item.from ?? now);
        grants.set(item.accountId, g);
      }
    }
    if (refusedByAccount.length > 0) {
      const ends = await othersAllowancesEnd(trx, [...new Set(refusedByAccount.map((i) => i.accountId))], ours, now);
      for (const item of refusedByAccount) {
        const end = ends.get(item.accountId);
        if (end !== undefined) item.until = Math.min(item.until!, end + 500);
      }
    }
    const rows = [...grants].map(([accountId, g]) => {
      const id = crypto.randomUUID();
      // Room for as much again as this batch asked, or as a renewal wants (at least a few posts), within what every
      // window has left.
      const pacing = pacingOf(ctx, g.network)!;
      const usage = usageOf.get(g.network)!;
      let extra = Math.min(ALLOWANCE_MAX, Math.max(ALLOWANCE_MIN, g.posts, g.want));
      for (const [b, budget] of pacing.budgets.entries()) {
        if (budget.counts === 'media') continue;
        const u = usage.get(usageKey(b, budget, accountId))!;
        extra = Math.min(extra, Math.max(0, budget.max - u.used));
      }
      let sentAt = now;
      if (extra > 0) {
        let far = true;
        for (const [b, budget] of pacing.budgets.entries()) {
          if (budget.counts === 'media') continue;
          const u = usage.get(usageKey(b, budget, accountId))!;
          u.used += extra;
          if (u.used > budget.max * FAR_FROM_SPENT) far = false;
        }
        const ms = allowanceMs(pacing, far);
        const until = g.from + ms;
        // Counted as sent at the latest time its posts may go: every window that could hold one of them counts it.
        sentAt = until;
        granted.push([accountId, { rowId: id, left: extra, size: extra, until, ms, renewing: false }]);
      }
      return { id, network: g.network, account_id: accountId, sent_at: sentAt, posts: g.posts + extra, media: g.media };
    }).filter((r) => r.posts > 0 || r.media > 0);
    for (let i = 0; i < rows.length; i += IN_SLICE) await trx.insertInto('publish_sends').values(rows.slice(i, i + IN_SLICE)).execute();
  });
  // Only once committed: an allowance stands for rows that are in the database.
  const allowances = allowancesOf(ctx);
  for (const [accountId, a] of granted) allowances.set(accountId, a);
  if (now - cleanedAt > CLEAN_EVERY_MS) {
    cleanedAt = now;
    void forgetOldSends(ctx, now).catch((err: unknown) => ctx.log.warn({ err }, 'old publish_sends rows were not removed'));
  }
}

const num = (v: unknown) => (v == null ? null : Number(v));
const usageKey = (b: number, budget: Budget, accountId: string) => (budget.scope === 'app' ? `${b}` : `${b}:${accountId}`);

/** What each account (or the whole app) sent within each of the network's windows. */
async function readUsage(trx: Transaction<Database>, network: NetworkId, pacing: PublishPacing, accountIds: string[], now: number): Promise<Map<string, Usage>> {
  const usage = new Map<string, Usage>();
  for (const [b, budget] of pacing.budgets.entries()) {
    const column = budget.counts === 'media' ? 'media' : 'posts';
    const since = now - budget.windowMs;
    if (budget.scope === 'app') {
      const row = await trx
        .selectFrom('publish_sends')
        .select((eb) => [eb.fn.sum<number>(column).as('used'), eb.fn.min<number>('sent_at').as('oldest')])
        .where('network', '=', network)
        .where('sent_at', '>', since)
        .where(column, '>', 0)
        .executeTakeFirst();
      usage.set(usageKey(b, budget, ''), { used: Number(row?.used ?? 0), oldest: num(row?.oldest) });
      continue;
    }
    for (const id of accountIds) usage.set(usageKey(b, budget, id), { used: 0, oldest: null });
    for (let i = 0; i < accountIds.length; i += IN_SLICE) {
      const rows = await trx
        .selectFrom('publish_sends')
        .select((eb) => ['account_id', eb.fn.sum<number>(column).as('used'), eb.fn.min<number>('sent_at').as('oldest')])
        .where('account_id', 'in', accountIds.slice(i, i + IN_SLICE))
        .where('sent_at', '>', since)
        // An allowance given back whole counts nothing, and its time says nothing of when the window frees.
        .where(column, '>', 0)
        .groupBy('account_id')
        .execute();
      for (const r of rows) usage.set(usageKey(b, budget, r.account_id), { used: Number(r.used ?? 0), oldest: num(r.oldest) });
    }
  }
  return usage;
}

async function readHolds(trx: Transaction<Database>, accountIds: string[], now: number) {
  const holds = new Map<string, { until: number; reason: string }>();
  for (let i = 0; i < accountIds.length; i += IN_SLICE) {
    const rows = await trx
      .selectFrom('publish_holds')
      .select(['account_id', 'until', 'reason'])
      .where('account_id', 'in', accountIds.slice(i, i + IN_SLICE))
      .where('until', '>', now)
      .execute();
    for (const r of rows) holds.set(r.account_id, { until: Number(r.until), reason: r.reason });
  }
  return holds;
}

async function forgetOldSends(ctx: AppContext, now: number) {
  await ctx.store.db.deleteFrom('publish_sends').where('sent_at', '<', now - KEEP_MS).execute();
  await ctx.store.db.deleteFrom('publish_holds').where('until', '<', now).execute();
}

/**
 * The network said "wait" (a 429 and its reset): nothing more goes to this account before then, from any worker,
 * instead of every post of a burst hearing the same refusal.
 */
export async function holdAccount(ctx: AppContext, account: { id: string; network: NetworkId }, until: number, reason: string): Promise<void> {
  const { db, dialect } = ctx.store;
  // This worker's allowance for the account ends now; what is left of it goes back with the next reservation.
  const allowance = allowancesOf(ctx).get(account.id);
  if (allowance) allowance.until = 0;
  const values = { account_id: account.id, network: account.network, until, reason: reason.slice(0, 500) };
  // The later of two holds wins (two posts hearing "wait" with different resets).
  const later = dialect === 'postgres' ? 'greatest' : 'max';
  await db
    .insertInto('publish_holds')
    .values(values)
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ until: (eb) => eb.fn<number>(later, [eb.ref('publish_holds.until'), eb.val(until)]), reason: values.reason, network: values.network }))
    .execute();
}
