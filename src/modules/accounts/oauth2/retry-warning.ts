import type { AppContext } from '../../../context.js';
import type { Credentials, NetworkId } from '../../../connectors/types.js';
import { badRequest, notFound } from '../../../http/errors.js';
import { networkApp } from './apps.js';
import { MissingAppError, netCall, providerOf } from './connect.js';

/**
 * Asks the network again for what connecting left unresolved (Meta's webhooks for a Page). The warning stays, in the
 * network's newest words, until the network agrees; the account itself keeps working either way.
 */
export async function retryConnectionWarning(ctx: AppContext, workspaceId: string, accountId: string): Promise<{ warning: string | null }> {
  const row = await ctx.store.db
    .selectFrom('social_accounts')
    .select(['network', 'status', 'credentials', 'connection_warning'])
    .where('id', '=', accountId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('account');
  if (!row.connection_warning) return { warning: null };
  if (row.status === 'disconnected') throw badRequest('account_disconnected', 'Reconnect the account first.');
  const network = row.network as NetworkId;
  const provider = providerOf(network);
  if (!provider.retryWarning) throw badRequest('nothing_to_retry', 'This network has nothing to ask again.');
  const app = await networkApp(ctx, network);
  if (!app) throw new MissingAppError(network);
  const credentials = JSON.parse(ctx.sealer.open(row.credentials)) as Credentials;
  const warning = (await provider.retryWarning(credentials, app, netCall(ctx))) ?? null;
  await ctx.store.db.updateTable('social_accounts').set({ connection_warning: warning, updated_at: ctx.clock.now() }).where('id', '=', accountId).execute();
  if (warning) ctx.log.warn({ event: 'account.connect_warning', workspaceId, accountId, network, warning }, 'connection warning still stands');
  return { warning };
}
