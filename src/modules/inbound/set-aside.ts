import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import type { InboundAccount, SetAsideItem } from './pipeline.js';
import type { InboxSource } from './sources.js';

/**
 * Keeps the items the pipeline set aside (what a network sent that could not be read or stored), with their
 * reason and never their text, so that the sources page can say how many were lost after the process that saw
 * them has gone. An item read again (a poll re-reads its last page; a stream and a poll may both bring it) is
 * kept once: by the network's id, or by its reason when it has none.
 */
export async function keepSetAside(db: Kysely<Database>, account: InboundAccount, source: InboxSource, items: readonly SetAsideItem[], now: number): Promise<void> {
  const byKey = new Map<string, SetAsideItem>();
  for (const item of items) {
    const key = item.externalId ? `id:${item.externalId}` : `reason:${item.reason}`;
    if (!byKey.has(key)) byKey.set(key, item);
  }
  if (byKey.size === 0) return;
  await db
    .insertInto('inbox_set_aside')
    .values([...byKey].map(([key, item]) => ({
      id: crypto.randomUUID(), workspace_id: account.workspace_id, account_id: account.id, source, external_id: item.externalId || null,
      reason: item.reason, item_key: key, created_at: now,
    })))
    .onConflict((oc) => oc.columns(['account_id', 'item_key']).doNothing())
    .execute();
}

/**
 * Keeps them once the page is stored (the pipeline has logged each already). Failing to keep them does not hold
 * the inbox back: the items that could be stored are, and the cursor has moved on.
 */
export async function keepSetAsideLogged(ctx: AppContext, account: InboundAccount, source: InboxSource, items: readonly SetAsideItem[]): Promise<void> {
  try {
    await keepSetAside(ctx.store.db, account, source, items, ctx.clock.now());
  } catch (err) {
    ctx.log.error({ event: 'inbound.set_aside_not_kept', accountId: account.id, items: items.length, err }, 'items set aside could not be kept');
  }
}

/** How many items each account's sources set aside: by account id, then source. */
export async function setAsideCounts(db: Kysely<Database>, workspaceId: string): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('inbox_set_aside')
    .select((eb) => ['account_id', 'source', eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy(['account_id', 'source'])
    .execute();
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!counts.has(r.account_id)) counts.set(r.account_id, new Map());
    counts.get(r.account_id)!.set(r.source, Number(r.n));
  }
  return counts;
}
