import type { AppContext } from '../../context.js';
import { openConnector } from '../accounts/open-connector.js';
import { setAsideCounts } from '../inbound/set-aside.js';

/**
 * Where each connected account's inbox stands, per source (notifications, messages): the backfill's progress, how
 * items arrive live, the last poll and the last error, how many items were set aside; and whether direct messages are collected at all (not on a
 * network whose connector cannot read them, such as Bluesky, whose chat no server of ours can reach).
 */
export async function inboxSources(ctx: AppContext, workspaceId: string) {
  const { db } = ctx.store;
  const accounts = await db
    .selectFrom('social_accounts')
    .select(['id', 'network', 'handle', 'credentials'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'disconnected')
    .orderBy('handle')
    .execute();
  const [sources, setAside] = await Promise.all([
    db.selectFrom('inbox_sources').selectAll().where('workspace_id', '=', workspaceId).execute(),
    setAsideCounts(db, workspaceId),
  ]);
  return accounts.flatMap((a) => {
    const dmsCollected = readsMessages(ctx, a);
    const mine = sources.filter((s) => s.account_id === a.id);
    const rows = mine.length > 0 ? mine : [null];
    return rows.map((s) => ({
      accountId: a.id,
      network: a.network,
      handle: a.handle,
      source: s?.source ?? 'notifications',
      backfillProgress: Number(s?.backfill_progress ?? 0),
      backfillDone: s?.backfill_done_at !== null && s?.backfill_done_at !== undefined,
      live: s?.live ?? null,
      lastPolledAt: s?.last_polled_at === null || s?.last_polled_at === undefined ? null : Number(s.last_polled_at),
      lastError: s?.last_error ?? null,
      dmsCollected,
      setAside: setAside.get(a.id)?.get(s?.source ?? 'notifications') ?? 0,
    }));
  });
}

/** Whether the account's connector declares readMessages (opening it makes no call to the network). */
function readsMessages(ctx: AppContext, account: { id: string; network: string; credentials: string }): boolean {
  try {
    return openConnector(ctx, account).capabilities.has('readMessages');
  } catch {
    return false;
  }
}
