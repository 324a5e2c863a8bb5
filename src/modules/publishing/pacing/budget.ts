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
  let batcher = byContext.get(ctx);
  if (!batcher) byContext.set(ctx, (batcher = createBatcher((items) => reserveMany(ctx, items), 10_000)));
  await batcher.add(request);
  return { until: request.until ?? null, reason: request.reason ?? null };
}

let cleanedAt = 0;

async function reserveMany(ctx: AppContext, items: SendRequest[]): Promise<void> {
  const { store } = ctx;
  const now = Math.max(...items.map((i) => i.now));
  await store.db.transaction().execute(async (trx) => {
    const networks = [...new Set(items.map((i) => i.network))].sort();
    // Two workers reserving for the same network wait for each other here, not per post: one lock per burst.
    if (store.dialect === 'postgres') {
      for (const n of networks) await sql`select pg_advisory_xact_lock(hashtext(${`ruche.publish_budget.${n}`}))`.execute(trx);
    }
    const holds = await readHolds(trx, [...new Set(items.map((i) => i.accountId))], now);
    const grants = new Map<string, { network: NetworkId; posts: number; media: number }>();
    for (const network of networks) {
      const pacing = pacingOf(ctx, network)!;
      const mine = items.filter((i) => i.network === network);
      const usage = await readUsage(trx, network, pacing, [...new Set(mine.map((i) => i.accountId))], now);
      for (const item of mine) {
        const hold = holds.get(item.accountId);
        if (hold) {
          item.until = hold.until;
          item.reason = hold.reason || null;
          continue;
        }
        let until: number | null = null;
        for (const [b, budget] of pacing.budgets.entries()) {
          const cost = budget.counts === 'media' ? item.media : item.posts;
          if (cost === 0) continue;
          const u = usage.get(usageKey(b, budget, item.accountId))!;
          // A single send larger than the whole budget would wait forever: it goes alone in an empty window.
          if (u.used > 0 && u.used + cost > budget.max) until = Math.max(until ?? 0, (u.oldest ?? now) + budget.windowMs);
        }
        item.until = until;
        if (until !== null) continue;
        for (const [b, budget] of pacing.budgets.entries()) {
          const u = usage.get(usageKey(b, budget, item.accountId))!;
          u.used += budget.counts === 'media' ? item.media : item.posts;
          u.oldest ??= now;
        }
        const g = grants.get(item.accountId) ?? { network, posts: 0, media: 0 };
        g.posts += item.posts;
        g.media += item.media;
        grants.set(item.accountId, g);
      }
    }
    const rows = [...grants].map(([accountId, g]) => ({ id: crypto.randomUUID(), network: g.network, account_id: accountId, sent_at: now, posts: g.posts, media: g.media }));
    for (let i = 0; i < rows.length; i += IN_SLICE) await trx.insertInto('publish_sends').values(rows.slice(i, i + IN_SLICE)).execute();
  });
  if (now - cleanedAt > CLEAN_EVERY_MS) {
    cleanedAt = now;
    void forgetOldSends(ctx, now).catch((err: unknown) => ctx.log.warn({ err }, 'old publish_sends rows were not removed'));
  }
}

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
        .executeTakeFirst();
      usage.set(usageKey(b, budget, ''), { used: Number(row?.used ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) });
      continue;
    }
    for (const id of accountIds) usage.set(usageKey(b, budget, id), { used: 0, oldest: null });
    for (let i = 0; i < accountIds.length; i += IN_SLICE) {
      const rows = await trx
        .selectFrom('publish_sends')
        .select((eb) => ['account_id', eb.fn.sum<number>(column).as('used'), eb.fn.min<number>('sent_at').as('oldest')])
        .where('account_id', 'in', accountIds.slice(i, i + IN_SLICE))
        .where('sent_at', '>', since)
        .groupBy('account_id')
        .execute();
      for (const r of rows) usage.set(usageKey(b, budget, r.account_id), { used: Number(r.used ?? 0), oldest: r.oldest == null ? null : Number(r.oldest) });
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
  const values = { account_id: account.id, network: account.network, until, reason: reason.slice(0, 500) };
  // The later of two holds wins (two posts hearing "wait" with different resets).
  const later = dialect === 'postgres' ? 'greatest' : 'max';
  await db
    .insertInto('publish_holds')
    .values(values)
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ until: (eb) => eb.fn<number>(later, [eb.ref('publish_holds.until'), eb.val(until)]), reason: values.reason, network: values.network }))
    .execute();
}
