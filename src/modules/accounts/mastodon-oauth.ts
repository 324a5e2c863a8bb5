import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { blockedCause } from '../../net/address-guard.js';
import { exchangeMastodonCode, mastodonAuthorizeUrl, normaliseInstanceUrl, registerMastodonApp, type MastodonApp } from '../../connectors/mastodon/connect.js';
import { saveConnection } from './service.js';

const STATE_TTL_MS = 15 * 60_000;
const hash = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

export const mastodonRedirectUri = (ctx: AppContext) => `${ctx.config.publicUrl}/api/v1/oauth/mastodon/callback`;

/** Registers Ruche on the instance and returns where to send the user to authorise it. */
export async function startMastodonConnect(ctx: AppContext, workspaceId: string, userId: string, instance: string): Promise<string> {
  const instanceUrl = normaliseInstanceUrl(instance);
  const app = await registerMastodonApp({
    instanceUrl, redirectUri: mastodonRedirectUri(ctx), clientName: 'Ruche', website: ctx.config.publicUrl, fetch: ctx.guardedFetch,
  }).catch(asRefusal);
  const state = crypto.randomBytes(24).toString('base64url');
  await ctx.store.db
    .insertInto('oauth_states')
    .values({
      state_hash: hash(state), workspace_id: workspaceId, user_id: userId, network: 'mastodon',
      data: ctx.sealer.seal(JSON.stringify(app)), expires_at: ctx.clock.now() + STATE_TTL_MS,
    })
    .execute();
  return mastodonAuthorizeUrl(app, state);
}

/**
 * The user comes back from the instance with a code. The state must be one we issued, unexpired, used once,
 * and the person finishing must be the one who started.
 */
/** The workspace a pending connection belongs to, for sending the user back there whatever happens. */
export async function pendingWorkspace(ctx: AppContext, userId: string, state: string): Promise<string | null> {
  const row = await ctx.store.db.selectFrom('oauth_states').select(['workspace_id', 'user_id']).where('state_hash', '=', hash(state)).executeTakeFirst();
  return row && row.user_id === userId ? row.workspace_id : null;
}

export async function finishMastodonConnect(ctx: AppContext, userId: string, state: string, code: string, ip: string | null) {
  const { db } = ctx.store;
  const row = await db.selectFrom('oauth_states').selectAll().where('state_hash', '=', hash(state)).executeTakeFirst();
  if (!row || row.network !== 'mastodon' || row.user_id !== userId || row.expires_at < ctx.clock.now()) throw notFound('connection request');
  await db.deleteFrom('oauth_states').where('state_hash', '=', row.state_hash).execute();
  const app = JSON.parse(ctx.sealer.open(row.data)) as MastodonApp;
  const { credentials, account } = await exchangeMastodonCode(app, code, { fetch: ctx.guardedFetch });
  const accountId = await saveConnection(ctx, {
    workspaceId: row.workspace_id, userId, network: 'mastodon', serviceUrl: app.instanceUrl, credentials, account, ip,
  });
  return { workspaceId: row.workspace_id, accountId };
}

/** An instance we may not call is the user's address to fix, not the network being down. */
function asRefusal(err: unknown): never {
  throw blockedCause(err) ?? err;
}
