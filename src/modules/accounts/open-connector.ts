import type { AppContext } from '../../context.js';
import type { SocialAccountTable } from '../../store/schema.js';
import type { Connector, ConnectorDeps, Credentials } from '../../connectors/types.js';
import { tellReconnect } from './notify.js';

/**
 * A connector for one connected account. Refreshed credentials are sealed and saved before the call that
 * refreshed them returns, so a token rotated by the network is never lost.
 */
export function openConnector(
  ctx: AppContext,
  account: Pick<SocialAccountTable, 'id' | 'network' | 'credentials'>,
  extra: Pick<ConnectorDeps, 'onRateLimit'> = {},
): Connector {
  const credentials: unknown = JSON.parse(ctx.sealer.open(account.credentials));
  return ctx.connectors.create(account.network, {
    ...extra,
    credentials,
    fetch: ctx.guardedFetch,
    allowPrivateNetworks: ctx.config.allowPrivateNetworks,
    onCredentialsChanged: async (next: Credentials) => {
      await ctx.store.db
        .updateTable('social_accounts')
        .set({ credentials: ctx.sealer.seal(JSON.stringify(next)), updated_at: ctx.clock.now() })
        .where('id', '=', account.id)
        .execute();
    },
  });
}

/**
 * Marks an account as needing a reconnect, with the network's words; its posts stop until then. Those who
 * can reconnect it are told when it stops working, not again for each post that fails meanwhile.
 */
export async function markReconnect(ctx: AppContext, accountId: string, message: string) {
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('social_accounts')
      .set({ status: 'reconnect', status_message: message, updated_at: now })
      .where('id', '=', accountId)
      .where('status', '!=', 'reconnect')
      .returning(['id', 'workspace_id', 'handle', 'network'])
      .executeTakeFirst();
    if (changed) await tellReconnect(ctx, trx, changed, message, now);
    else await trx.updateTable('social_accounts').set({ status_message: message, updated_at: now }).where('id', '=', accountId).execute();
  });
}

export async function markHealthy(ctx: AppContext, accountId: string) {
  await ctx.store.db
    .updateTable('social_accounts')
    .set({ status: 'connected', status_message: null, last_ok_at: ctx.clock.now() })
    .where('id', '=', accountId)
    .execute();
}
