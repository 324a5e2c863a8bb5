/** Settings > Networks as the instance administrator reads it: never a secret, only whether one is set. */
import type { AppContext } from '../../context.js';
import type { NetworkId } from '../../connectors/types.js';
import { NETWORKS } from '../../connectors/index.js';
import { oauthNetworks, oauthProvider } from '../../connectors/oauth2/providers.js';
import { networkAppWithSource } from '../accounts/oauth2/apps.js';
import { oauthRedirectUri } from '../accounts/oauth2/connect.js';
import { META_WEBHOOK_PATH } from '../webhooks/meta-routes.js';
import { appReview, appToCreate, scopeReason } from './guides.js';
import { metaWebhookVerifyTokenWithSource } from './verify-token.js';
import { redirectAddress } from './redirect-address.js';

export async function presentNetworkApp(ctx: AppContext, network: NetworkId) {
  const provider = oauthProvider(network)!;
  const { app, source } = await networkAppWithSource(ctx, network);
  return {
    network,
    name: NETWORKS[network].name,
    configured: app !== null,
    source,
    clientId: app?.clientId ?? null,
    secretSet: app !== null,
    redirectUrl: oauthRedirectUri(ctx, network),
    console: provider.console,
    app: appToCreate(network),
    scopes: provider.scopes.map((scope) => {
      const why = scopeReason(network, scope);
      return { scope, en: why?.en ?? null, fr: why?.fr ?? null };
    }),
    review: appReview(network),
    env: { clientId: provider.env.clientId, clientSecret: provider.env.clientSecret },
  };
}

export async function presentNetworkApps(ctx: AppContext) {
  const items = await Promise.all(oauthNetworks().map((n) => presentNetworkApp(ctx, n)));
  const hasMeta = items.some((i) => i.network === 'facebook' || i.network === 'instagram');
  const verify = hasMeta ? await metaWebhookVerifyTokenWithSource(ctx) : null;
  return {
    items,
    redirectAddress: redirectAddress(ctx.config.publicUrl),
    metaWebhook: verify
      ? { callbackUrl: `${ctx.config.publicUrl}${META_WEBHOOK_PATH}`, verifyToken: verify.token, verifyTokenSource: verify.source }
      : null,
  };
}
