/**
 * Facebook Login for Business (Graph v24.0): the dialog at www.facebook.com/v24.0/dialog/oauth, the code traded at
 * GET /oauth/access_token, then `grant_type=fb_exchange_token` for a long-lived user token (about 60 days).
 * Page tokens read from /me/accounts with a long-lived user token do not expire, so there is no refresh: when
 * Meta ends the access (password change, 90 days of data access), the user reconnects. Connecting a Page (or the
 * Instagram account linked to one) also subscribes the Page to the app's webhooks (subscribe.ts); a refusal is a
 * warning on the account, which keeps working by polling.
 */
import { ConnectorError } from '../errors.js';
import type { ConnectTarget, NetCall, OAuthApp, OAuthEndpoints, OAuthProvider, OAuthToken } from '../oauth2/provider.js';
import type { AccountInfo, Credentials } from '../types.js';
import { Graph, GRAPH_API_BASE, GRAPH_VERSION } from './graph.js';
import { metaCredentials, type MetaCredentials } from './credentials.js';
import { FACEBOOK_PAGE_FIELDS, INSTAGRAM_PAGE_FIELDS, subscribePage, webhooksInactive } from './subscribe.js';

interface PageRow {
  id: string;
  name: string;
  username?: string;
  access_token?: string;
  tasks?: string[];
  instagram_business_account?: { id: string; username?: string; name?: string };
}

const PAGE_FIELDS = 'id,name,username,access_token,tasks,instagram_business_account{id,username,name}';

const graphFor = (network: string, endpoints: OAuthEndpoints, token: string, net: NetCall) =>
  new Graph(network, endpoints.apiBase, token, net.fetch, net.now);

/** Subscribes the stored Page again with its own token (the Page linked to an Instagram account for Instagram). */
const retryWebhooks = (network: 'facebook' | 'instagram', fields: readonly string[]) =>
  async (raw: Credentials, app: OAuthApp, net: NetCall): Promise<string | undefined> => {
    const c = metaCredentials(network, raw);
    const hooks = await subscribePage(new Graph(network, c.apiBase, c.accessToken, net.fetch, net.now), c.pageId, app.clientId, fields);
    return hooks.active ? undefined : webhooksInactive(hooks.reason);
  };

async function pages(network: string, token: OAuthToken, endpoints: OAuthEndpoints, net: NetCall): Promise<PageRow[]> {
  const g = graphFor(network, endpoints, token.accessToken, net);
  const all: PageRow[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: { items: PageRow[]; after: string | null } = await g.page<PageRow>('me/accounts', { fields: PAGE_FIELDS, limit: 100 }, after);
    all.push(...page.items);
    if (!(after = page.after)) break;
  }
  return all;
}

async function longLived(token: OAuthToken, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall): Promise<OAuthToken> {
  const u = new URL(endpoints.tokenUrl);
  u.search = new URLSearchParams({
    grant_type: 'fb_exchange_token', client_id: app.clientId, client_secret: app.clientSecret, fb_exchange_token: token.accessToken,
  }).toString();
  const res = await net.fetch(u).catch((cause: unknown) => {
    throw new ConnectorError('facebook', 'transient', 'Facebook could not be reached.', { cause });
  });
  const body = (await res.json().catch(() => null)) as { access_token?: string; expires_in?: number; error?: { message?: string } } | null;
  if (!res.ok || !body?.access_token) {
    throw new ConnectorError('facebook', 'auth_expired', body?.error?.message ?? 'Facebook refused the long-lived token.', { status: res.status });
  }
  return { ...token, accessToken: body.access_token, expiresAt: body.expires_in ? net.now() + body.expires_in * 1000 : null };
}

/** Why `pages_manage_metadata` is asked: Meta sends a Page's webhooks only once the Page has subscribed the app. */
const METADATA_REASON = {
  en: 'Turn on the Page\'s notifications to Ruche (webhooks), so new comments and messages arrive at once.',
  fr: 'Activer les notifications de la Page vers Ruche (webhooks)\u00a0: les nouveaux commentaires et messages arrivent aussitôt.',
};

const CAN_POST = (p: PageRow) => !p.tasks || p.tasks.includes('CREATE_CONTENT') || p.tasks.includes('MANAGE');

function provider(network: 'facebook' | 'instagram', scopes: string[]): Omit<OAuthProvider, 'listTargets' | 'connect'> {
  return {
    network,
    console: { name: 'Meta for Developers', url: 'https://developers.facebook.com/apps/' },
    env: {
      clientId: 'RUCHE_META_APP_ID', clientSecret: 'RUCHE_META_APP_SECRET', apiBase: 'RUCHE_META_API_BASE',
      authorizeUrl: 'RUCHE_META_AUTHORIZE_URL', tokenUrl: 'RUCHE_META_TOKEN_URL',
    },
    endpoints: {
      authorizeUrl: `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`,
      tokenUrl: `${GRAPH_API_BASE}/oauth/access_token`,
      apiBase: GRAPH_API_BASE,
    },
    scopes,
    scopeSeparator: ',',
    pkce: false,
    clientAuth: 'body',
    afterExchange: longLived,
  };
}

export const FACEBOOK_OAUTH: OAuthProvider = {
  ...provider('facebook', [
    'pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'pages_manage_engagement',
    'pages_read_user_content', 'pages_messaging', 'read_insights', 'business_management', 'pages_manage_metadata',
  ]),
  scopeReasons: { pages_manage_metadata: METADATA_REASON },
  async listTargets(token, endpoints, net): Promise<ConnectTarget[]> {
    return (await pages('facebook', token, endpoints, net)).map((p) => ({
      id: p.id, kind: 'Page', name: p.name, handle: p.username ?? p.id,
      ...(CAN_POST(p) ? {} : { unavailable: 'Your role on this Page does not let you create content.', unavailableCode: 'page_role_cannot_post' as const }),
    }));
  },
  async connect(token, targetId, app, endpoints, net) {
    const page = (await pages('facebook', token, endpoints, net)).find((p) => p.id === targetId);
    if (!page?.access_token) throw new ConnectorError('facebook', 'forbidden', 'This Page was not shared with Ruche: reconnect and select it.');
    const credentials: MetaCredentials = {
      network: 'facebook', apiBase: endpoints.apiBase, pageId: page.id, accessToken: page.access_token, name: page.name, handle: page.username ?? page.id,
    };
    const g = graphFor('facebook', endpoints, page.access_token, net);
    const info = await g.get<{ followers_count?: number }>(page.id, { fields: 'followers_count' });
    const account: AccountInfo = { id: page.id, handle: page.username ?? page.id, displayName: page.name, followers: info.followers_count ?? null };
    const hooks = await subscribePage(g, page.id, app.clientId, FACEBOOK_PAGE_FIELDS);
    return { credentials: credentials as unknown as Credentials, account, expiresAt: null, warning: hooks.active ? undefined : webhooksInactive(hooks.reason) };
  },
  retryWarning: retryWebhooks('facebook', FACEBOOK_PAGE_FIELDS),
};

export const INSTAGRAM_OAUTH: OAuthProvider = {
  ...provider('instagram', [
    'pages_show_list', 'pages_read_engagement', 'instagram_basic', 'instagram_content_publish',
    'instagram_manage_comments', 'instagram_manage_messages', 'instagram_manage_insights', 'business_management',
    'pages_manage_metadata',
  ]),
  scopeReasons: { pages_manage_metadata: METADATA_REASON },
  async listTargets(token, endpoints, net): Promise<ConnectTarget[]> {
    return (await pages('instagram', token, endpoints, net)).map((p) => {
      const ig = p.instagram_business_account;
      return ig
        ? { id: ig.id, kind: 'Instagram', name: ig.name ?? ig.username ?? ig.id, handle: ig.username ?? ig.id }
        : { id: `page:${p.id}`, kind: 'Instagram', name: p.name, handle: p.username ?? p.id,
          unavailable: 'No Instagram professional account is linked to this Page.', unavailableCode: 'no_instagram_professional' as const };
    });
  },
  async connect(token, targetId, app, endpoints, net) {
    const page = (await pages('instagram', token, endpoints, net)).find((p) => p.instagram_business_account?.id === targetId);
    if (!page?.access_token) throw new ConnectorError('instagram', 'forbidden', 'This Instagram account is not linked to a Page shared with Ruche.');
    const g = graphFor('instagram', endpoints, page.access_token, net);
    const ig = await g.get<{ id: string; username?: string; name?: string; followers_count?: number }>(targetId, { fields: 'id,username,name,followers_count' });
    const credentials: MetaCredentials = {
      network: 'instagram', apiBase: endpoints.apiBase, pageId: page.id, igUserId: ig.id, accessToken: page.access_token,
      name: ig.name ?? ig.username, handle: ig.username ?? ig.id,
    };
    const account: AccountInfo = { id: ig.id, handle: ig.username ?? ig.id, displayName: ig.name ?? null, followers: ig.followers_count ?? null };
    // Instagram's notifications follow the linked Page's subscription; its fields are the app's (App Dashboard).
    const hooks = await subscribePage(g, page.id, app.clientId, INSTAGRAM_PAGE_FIELDS);
    return { credentials: credentials as unknown as Credentials, account, expiresAt: null, warning: hooks.active ? undefined : webhooksInactive(hooks.reason) };
  },
  retryWarning: retryWebhooks('instagram', INSTAGRAM_PAGE_FIELDS),
};
