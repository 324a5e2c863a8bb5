import type { AppContext } from '../../../context.js';
import type { NetworkId } from '../../../connectors/types.js';
import type { OAuthApp, OAuthEndpoints } from '../../../connectors/oauth2/provider.js';
import { oauthProvider } from '../../../connectors/oauth2/providers.js';

/** Environment variables are read when asked, so an installer's change needs only a restart. */
const env = (name: string | undefined): string | undefined => {
  const value = name ? process.env[name]?.trim() : undefined;
  return value ? value : undefined;
};

/** Where the keys of a network's app come from; Settings win over the environment. */
export type AppSource = 'settings' | 'env' | null;

/**
 * The installer's developer app on a network: the keys saved in Settings > Networks (secret sealed), otherwise
 * the provider's environment variables, otherwise null (the network cannot be connected yet).
 */
export async function networkApp(ctx: AppContext, network: NetworkId): Promise<OAuthApp | null> {
  return (await networkAppWithSource(ctx, network)).app;
}

export async function networkAppWithSource(ctx: AppContext, network: NetworkId): Promise<{ app: OAuthApp | null; source: AppSource }> {
  const row = await ctx.store.db.selectFrom('network_apps').select(['client_id', 'client_secret']).where('network', '=', network).executeTakeFirst();
  if (row) return { app: { clientId: row.client_id, clientSecret: ctx.sealer.open(row.client_secret) }, source: 'settings' };
  const fromEnv = envApp(network);
  return fromEnv ? { app: fromEnv, source: 'env' } : { app: null, source: null };
}

/** The keys the environment gives for a network, when both are set. */
export function envApp(network: NetworkId): OAuthApp | null {
  const provider = oauthProvider(network);
  if (!provider) return null;
  const clientId = env(provider.env.clientId);
  const clientSecret = env(provider.env.clientSecret);
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** The provider's documented endpoints, each overridden by its environment variable when set (tests: the fakes). */
export function networkEndpoints(_ctx: AppContext, network: NetworkId): OAuthEndpoints {
  const provider = oauthProvider(network);
  if (!provider) throw new Error(`${network} does not connect through OAuth 2`);
  const base = provider.endpoints;
  return {
    authorizeUrl: env(provider.env.authorizeUrl) ?? base.authorizeUrl,
    tokenUrl: env(provider.env.tokenUrl) ?? base.tokenUrl,
    apiBase: (env(provider.env.apiBase) ?? base.apiBase).replace(/\/$/, ''),
  };
}

export async function saveNetworkApp(ctx: AppContext, network: NetworkId, app: { clientId: string; clientSecret?: string }, userId: string): Promise<void> {
  const { db } = ctx.store;
  const existing = await db.selectFrom('network_apps').select('client_secret').where('network', '=', network).executeTakeFirst();
  const secret = app.clientSecret ? ctx.sealer.seal(app.clientSecret) : existing?.client_secret;
  if (!secret) throw new Error('client secret required');
  const values = { client_id: app.clientId, client_secret: secret, updated_by: userId, updated_at: ctx.clock.now() };
  if (existing) await db.updateTable('network_apps').set(values).where('network', '=', network).execute();
  else await db.insertInto('network_apps').values({ network, ...values }).execute();
}

export async function removeNetworkApp(ctx: AppContext, network: NetworkId): Promise<void> {
  await ctx.store.db.deleteFrom('network_apps').where('network', '=', network).execute();
}
