import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { defineJob } from '../../../jobs/index.js';
import { isConnectorError } from '../../../connectors/errors.js';
import { isNetworkId, NETWORKS } from '../../../connectors/index.js';
import { oauthProvider } from '../../../connectors/oauth2/providers.js';
import type { Credentials } from '../../../connectors/types.js';
import { markReconnect } from '../open-connector.js';
import { notify } from '../../notifications/notify.js';
import { NotificationKind } from '../../notifications/kinds.js';
import { excerpt } from '../../notifications/excerpt.js';
import { membersWithPermission } from '../../notifications/recipients.js';
import { networkApp, networkEndpoints } from './apps.js';
import { netCall } from './connect.js';

export const OAUTH_TOKEN_REFRESH = 'accounts.oauth_token_refresh';
/** Renewed this long before the end, so a run missed or a network slow to answer still leaves time. */
export const REFRESH_AHEAD_MS = 60 * 60_000;
export const WARN_AHEAD_MS = 7 * 86400_000;

/** Every quarter of an hour: the shortest tokens (X's two hours) are renewed well before they end. */
export const oauthTokenRefreshTask = { name: 'oauth-token-refresh', everyMs: 15 * 60_000, type: OAUTH_TOKEN_REFRESH, payload: {} };

/** A token can be renewed when the network has a refresh and the stored credentials carry a refresh token. */
const renewable = (network: string, credentials: Credentials) =>
  isNetworkId(network) && !!oauthProvider(network)?.refresh && typeof credentials.refreshToken === 'string';

export function oauthTokenRefreshJob(ctx: AppContext) {
  return defineJob({
    type: OAUTH_TOKEN_REFRESH,
    version: 1,
    schema: z.object({}),
    maxAttempts: 3,
    run: () => refreshTokens(ctx),
  });
}

export async function refreshTokens(ctx: AppContext): Promise<{ refreshed: number; refused: number; warned: number }> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const ending = await db
    .selectFrom('social_accounts')
    .select(['id', 'workspace_id', 'network', 'handle', 'credentials', 'token_expires_at', 'expiry_warned_at'])
    .where('status', '=', 'connected')
    .where('token_expires_at', 'is not', null)
    .where('token_expires_at', '<', now + WARN_AHEAD_MS)
    .limit(1000)
    .execute();
  const counts = { refreshed: 0, refused: 0, warned: 0 };
  for (const account of ending) {
    const network = account.network;
    if (!isNetworkId(network)) continue;
    const provider = oauthProvider(network);
    if (!provider) continue;
    const credentials = JSON.parse(ctx.sealer.open(account.credentials)) as Credentials;
    if (!renewable(network, credentials)) {
      if (account.expiry_warned_at === null && (await warnExpiring(ctx, account, NETWORKS[network].name))) counts.warned++;
      continue;
    }
    if (account.token_expires_at! > now + REFRESH_AHEAD_MS) continue;
    const app = await networkApp(ctx, network);
    if (!app) continue;
    try {
      const renewed = await provider.refresh!(credentials, app, networkEndpoints(ctx, network), netCall(ctx));
      if (!renewed) continue;
      await db
        .updateTable('social_accounts')
        .set({ credentials: ctx.sealer.seal(JSON.stringify(renewed.credentials)), token_expires_at: renewed.expiresAt, expiry_warned_at: null, updated_at: ctx.clock.now() })
        .where('id', '=', account.id)
        .execute();
      counts.refreshed++;
    } catch (err) {
      // The network refused (the user revoked Ruche, the refresh token ended): only a reconnection helps.
      if (isConnectorError(err) && err.kind === 'auth_expired') {
        await markReconnect(ctx, account.id, err.message);
        counts.refused++;
      } else {
        ctx.log.warn({ event: 'oauth.refresh_failed', accountId: account.id, network, err }, 'token refresh failed; the next run tries again');
      }
    }
  }
  return counts;
}

/** Claimed first (expiry_warned_at), so that two runs or two workers send ONE warning. */
async function warnExpiring(ctx: AppContext, account: { id: string; workspace_id: string; handle: string; network: string; token_expires_at: number | null }, networkName: string) {
  const now = ctx.clock.now();
  return ctx.store.db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('social_accounts').set({ expiry_warned_at: now }).where('id', '=', account.id).where('expiry_warned_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return false;
    const ws = await trx.selectFrom('workspaces').select(['timezone']).where('id', '=', account.workspace_id).executeTakeFirst();
    const date = new Date(account.token_expires_at!).toLocaleDateString('en-CA', { timeZone: ws?.timezone ?? 'UTC' });
    await notify(ctx, trx, {
      workspaceId: account.workspace_id,
      kind: NotificationKind.accountExpiring,
      recipients: await membersWithPermission(trx, account.workspace_id, 'connections.manage'),
      object: { type: 'account', id: account.id },
      params: { handle: excerpt(account.handle, 100), network: networkName, date, expiresAt: account.token_expires_at },
      now,
    });
    return true;
  });
}
