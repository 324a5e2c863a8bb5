/**
 * Pinterest OAuth 2 (developers.pinterest.com/docs/getting-started/authentication-and-scopes, API v5): the app's keys
 * by HTTP Basic at POST /v5/oauth/token; access tokens 30 days, refresh tokens 365 days, renewed with
 * `continuous_refresh`. Each board of the account is a target: pins go to the board chosen at connect.
 */
import { ConnectorError } from '../errors.js';
import { exchangeCode, refreshCredentials } from '../oauth2/grants.js';
import type { NetCall, OAuthApp, OAuthEndpoints, OAuthProvider } from '../oauth2/provider.js';
import { PinterestHttp } from './http.js';
import { BoardList, PinterestCredentials, UserAccount } from './schemas.js';

const MAX_BOARD_PAGES = 20;

/** Pinterest's continuous refresh: each grant brings a new refresh token too, so an account in use need not connect again. */
const CONTINUOUS_REFRESH = { continuous_refresh: 'true' };

const api = (endpoints: OAuthEndpoints, token: string, net: NetCall) => new PinterestHttp({ apiBase: endpoints.apiBase, token, fetch: net.fetch, now: net.now });

export const PINTEREST_OAUTH: OAuthProvider = {
  network: 'pinterest',
  console: { name: 'Pinterest Developer Platform', url: 'https://developers.pinterest.com/apps/' },
  env: {
    clientId: 'RUCHE_PINTEREST_APP_ID', clientSecret: 'RUCHE_PINTEREST_APP_SECRET',
    apiBase: 'RUCHE_PINTEREST_API_BASE', authorizeUrl: 'RUCHE_PINTEREST_AUTHORIZE_URL', tokenUrl: 'RUCHE_PINTEREST_TOKEN_URL',
  },
  endpoints: {
    authorizeUrl: 'https://www.pinterest.com/oauth/',
    tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
    apiBase: 'https://api.pinterest.com/v5',
  },
  scopes: ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read'],
  scopeSeparator: ',',
  pkce: false,
  clientAuth: 'basic',

  async listTargets(token, endpoints, net) {
    const http = api(endpoints, token.accessToken, net);
    const user = UserAccount.parse((await http.call('/user_account')).json);
    const targets = [];
    let bookmark: string | null | undefined;
    for (let i = 0; i < MAX_BOARD_PAGES; i++) {
      const page = BoardList.parse((await http.call('/boards', { query: { page_size: '100', ...(bookmark ? { bookmark } : {}) } })).json);
      for (const b of page.items) targets.push({ id: b.id, kind: 'Board', name: b.name, handle: user.username });
      bookmark = page.bookmark;
      if (!bookmark) break;
    }
    return targets;
  },

  async connect(token, targetId, _app, endpoints, net) {
    const boards = await PINTEREST_OAUTH.listTargets(token, endpoints, net);
    const board = boards.find((b) => b.id === targetId);
    if (!board) throw new ConnectorError('pinterest', 'forbidden', 'That board is not one of this Pinterest account\'s boards.');
    const user = UserAccount.parse((await api(endpoints, token.accessToken, net).call('/user_account')).json);
    const credentials: PinterestCredentials = {
      network: 'pinterest', apiBase: endpoints.apiBase, accessToken: token.accessToken, refreshToken: token.refreshToken,
      expiresAt: token.expiresAt, refreshExpiresAt: token.refreshExpiresAt, username: user.username, boardId: board.id,
    };
    return {
      credentials,
      account: { id: user.username, handle: user.username, displayName: `${user.business_name ?? user.username} · ${board.name}`, followers: user.follower_count ?? null },
      expiresAt: token.expiresAt,
    };
  },

  refresh: (credentials, app, endpoints, net) =>
    refreshCredentials(PINTEREST_OAUTH, PinterestCredentials.parse(credentials), app, endpoints, net, CONTINUOUS_REFRESH),
};

export const exchangePinterestCode = (endpoints: OAuthEndpoints, app: OAuthApp, code: string, redirectUri: string, net: NetCall) =>
  exchangeCode(PINTEREST_OAUTH, endpoints, app, code, redirectUri, net, CONTINUOUS_REFRESH);
