import crypto from 'node:crypto';
import type { AppContext } from '../../../context.js';
import type { NetworkId } from '../../../connectors/types.js';
import type { ConnectTarget, NetCall, OAuthProvider, OAuthToken } from '../../../connectors/oauth2/provider.js';
import { oauthProvider } from '../../../connectors/oauth2/providers.js';
import { AppError, badRequest, notFound } from '../../../http/errors.js';
import { saveConnection } from '../service.js';
import { networkApp, networkEndpoints } from './apps.js';
import { callTokenEndpoint } from './token-endpoint.js';

const STATE_TTL_MS = 15 * 60_000;
/** Long enough to choose a Page in the picker; the token is forgotten afterwards. */
const PENDING_TTL_MS = 30 * 60_000;
const hash = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

export const oauthRedirectUri = (ctx: AppContext, network: NetworkId) => `${ctx.config.publicUrl}/api/v1/oauth/${network}/callback`;
export const netCall = (ctx: AppContext): NetCall => ({ fetch: ctx.guardedFetch as typeof fetch, now: () => ctx.clock.now() });

export function providerOf(network: NetworkId): OAuthProvider {
  const provider = oauthProvider(network);
  if (!provider) throw notFound('network');
  return provider;
}

export class MissingAppError extends AppError {
  constructor(name: string) {
    super('network_app_missing', 409, `An administrator must add the ${name} app in Settings > Networks before accounts can be connected.`);
  }
}

/** Where to send the user: the network's authorize page, with a state we keep (and the PKCE verifier, sealed). */
export async function startOAuthConnect(ctx: AppContext, network: NetworkId, networkName: string, workspaceId: string, userId: string): Promise<string> {
  const provider = providerOf(network);
  const app = await networkApp(ctx, network);
  if (!app) throw new MissingAppError(networkName);
  const endpoints = networkEndpoints(ctx, network);
  const state = crypto.randomBytes(24).toString('base64url');
  // RFC 7636 §4.1: 32 random octets, base64url, gives a 43-character verifier; §4.2: S256 challenge.
  const verifier = provider.pkce ? crypto.randomBytes(32).toString('base64url') : null;
  await ctx.store.db
    .insertInto('oauth_states')
    .values({
      state_hash: hash(state), workspace_id: workspaceId, user_id: userId, network,
      data: ctx.sealer.seal(JSON.stringify({ verifier })), expires_at: ctx.clock.now() + STATE_TTL_MS,
    })
    .execute();
  const url = new URL(endpoints.authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', oauthRedirectUri(ctx, network));
  url.searchParams.set('scope', provider.scopes.join(provider.scopeSeparator));
  url.searchParams.set('state', state);
  if (verifier) {
    url.searchParams.set('code_challenge', crypto.createHash('sha256').update(verifier).digest('base64url'));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [k, v] of Object.entries(provider.authorizeParams ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

/** The workspace a state belongs to, when the person coming back is the one who started (for sending them back). */
export async function stateWorkspace(ctx: AppContext, userId: string, state: string): Promise<string | null> {
  const row = await ctx.store.db.selectFrom('oauth_states').select(['workspace_id', 'user_id']).where('state_hash', '=', hash(state)).executeTakeFirst();
  return row && row.user_id === userId ? row.workspace_id : null;
}

export class ScopesMissingError extends Error {
  constructor(readonly network: NetworkId, readonly missing: string[]) {
    super(`Not granted: ${missing.join(', ')}`);
  }
}

/**
 * The user comes back with a code. The state must be ours, for this network, unexpired, used once, and the person
 * finishing the one who started. The code is traded (with the PKCE verifier), the token checked for the scopes
 * asked, and kept sealed in a pending record while the user picks what to connect.
 */
export async function finishOAuthCallback(ctx: AppContext, network: NetworkId, userId: string, state: string, code: string): Promise<{ workspaceId: string; pendingId: string }> {
  const { db } = ctx.store;
  const provider = providerOf(network);
  const row = await db.selectFrom('oauth_states').selectAll().where('state_hash', '=', hash(state)).executeTakeFirst();
  if (!row || row.network !== network || row.user_id !== userId || row.expires_at < ctx.clock.now()) throw notFound('connection request');
  const deleted = await db.deleteFrom('oauth_states').where('state_hash', '=', row.state_hash).executeTakeFirst();
  // Two callbacks racing with the same state: only the one that removed it goes on.
  if (Number(deleted.numDeletedRows) !== 1) throw notFound('connection request');
  const { verifier } = JSON.parse(ctx.sealer.open(row.data)) as { verifier: string | null };
  const app = await networkApp(ctx, network);
  if (!app) throw new MissingAppError(network);
  const endpoints = networkEndpoints(ctx, network);
  const net = netCall(ctx);
  const params: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: oauthRedirectUri(ctx, network) };
  if (verifier) params.code_verifier = verifier;
  let token = await callTokenEndpoint(provider, app, endpoints, params, net, provider.scopes);
  if (provider.afterExchange) token = await provider.afterExchange(token, app, endpoints, net);
  const missing = provider.scopes.filter((s) => !token.scopes.includes(s));
  if (missing.length > 0) throw new ScopesMissingError(network, missing);
  const targets = await provider.listTargets(token, endpoints, net);
  const pendingId = crypto.randomUUID();
  await db
    .insertInto('oauth_pending')
    .values({
      id: pendingId, workspace_id: row.workspace_id, user_id: userId, network,
      data: ctx.sealer.seal(JSON.stringify({ token, targets })), expires_at: ctx.clock.now() + PENDING_TTL_MS,
    })
    .execute();
  await db.deleteFrom('oauth_pending').where('expires_at', '<', ctx.clock.now()).execute();
  return { workspaceId: row.workspace_id, pendingId };
}

async function pendingRow(ctx: AppContext, workspaceId: string, userId: string, pendingId: string) {
  const row = await ctx.store.db
    .selectFrom('oauth_pending')
    .selectAll()
    .where('id', '=', pendingId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row || row.user_id !== userId || row.expires_at < ctx.clock.now()) throw notFound('pending connection');
  return { row, ...(JSON.parse(ctx.sealer.open(row.data)) as { token: OAuthToken; targets: ConnectTarget[] }) };
}

/** What the picker shows: the targets, the unavailable ones with their reason. Never the token. */
export async function pendingTargets(ctx: AppContext, workspaceId: string, userId: string, pendingId: string) {
  const { row, targets } = await pendingRow(ctx, workspaceId, userId, pendingId);
  return { network: row.network, targets };
}

/** The user picked one: the provider connects it and the account is saved (a reconnection keeps its history). */
export async function choosePendingTarget(ctx: AppContext, workspaceId: string, userId: string, pendingId: string, targetId: string, ip: string | null) {
  const { row, token, targets } = await pendingRow(ctx, workspaceId, userId, pendingId);
  const target = targets.find((t) => t.id === targetId);
  if (!target) throw notFound('target');
  if (target.unavailable) throw badRequest('target_unavailable', target.unavailable);
  const network = row.network as NetworkId;
  const provider = providerOf(network);
  const app = await networkApp(ctx, network);
  if (!app) throw new MissingAppError(network);
  const endpoints = networkEndpoints(ctx, network);
  const { credentials, account, expiresAt, warning } = await provider.connect(token, target.id, app, endpoints, netCall(ctx));
  const accountId = await saveConnection(ctx, {
    workspaceId, userId, network, serviceUrl: endpoints.apiBase, credentials, account, ip,
  });
  // A warning (Meta's webhooks not turned on) leaves the account connected; it stands on the account's row until resolved.
  await ctx.store.db
    .updateTable('social_accounts')
    .set({ token_expires_at: expiresAt, expiry_warned_at: null, connection_warning: warning ?? null })
    .where('id', '=', accountId)
    .execute();
  if (warning) ctx.log.warn({ event: 'account.connect_warning', workspaceId, accountId, network, warning }, 'account connected with a warning');
  await ctx.store.db.deleteFrom('oauth_pending').where('id', '=', pendingId).execute();
  return { accountId, warning: warning ?? null };
}
