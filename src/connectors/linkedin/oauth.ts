/**
 * LinkedIn's 3-legged OAuth 2 (learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow and
 * programmatic-refresh-tokens): access tokens live 60 days, refresh tokens 365 days for apps approved for them;
 * the pages a member may post for come from organizationAcls (community-management/organizations/
 * organization-access-control-by-role, version 202611).
 */
import { ConnectorError } from '../errors.js';
import { exchangeCode, refreshCredentials } from '../oauth2/grants.js';
import type { NetCall, OAuthApp, OAuthEndpoints, OAuthProvider } from '../oauth2/provider.js';
import { encodeUrn, LinkedInHttp } from './http.js';
import { LinkedInCredentials, NetworkSize, Organization, OrganizationAcls } from './schemas.js';

/** Roles that may post as the page (ADMINISTRATOR and CONTENT_ADMINISTRATOR); the others only sponsor or analyse. */
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);

const http = (endpoints: OAuthEndpoints, token: string, net: NetCall) =>
  new LinkedInHttp({ apiBase: endpoints.apiBase, token, fetch: net.fetch, now: net.now });

export const LINKEDIN_OAUTH: OAuthProvider = {
  network: 'linkedin',
  console: { name: 'LinkedIn Developer Portal (Community Management API)', url: 'https://www.linkedin.com/developers/apps' },
  env: {
    clientId: 'RUCHE_LINKEDIN_CLIENT_ID', clientSecret: 'RUCHE_LINKEDIN_CLIENT_SECRET',
    apiBase: 'RUCHE_LINKEDIN_API_BASE', authorizeUrl: 'RUCHE_LINKEDIN_AUTHORIZE_URL', tokenUrl: 'RUCHE_LINKEDIN_TOKEN_URL',
  },
  endpoints: {
    authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
    apiBase: 'https://api.linkedin.com/rest',
  },
  scopes: ['w_organization_social', 'r_organization_social', 'rw_organization_admin', 'r_organization_admin'],
  scopeSeparator: ' ',
  // LinkedIn offers PKCE to native clients only; a web app proves itself with its secret.
  pkce: false,
  clientAuth: 'body',

  async listTargets(token, endpoints, net) {
    const api = http(endpoints, token.accessToken, net);
    const acls = OrganizationAcls.parse((await api.call('/organizationAcls', { query: 'q=roleAssignee&state=APPROVED&count=100', restliMethod: 'FINDER' })).json);
    const roles = new Map<string, Set<string>>();
    for (const acl of acls.elements) {
      const id = /^urn:li:organization:(\d+)$/.exec(acl.organization)?.[1];
      if (id) roles.set(id, (roles.get(id) ?? new Set()).add(acl.role));
    }
    const targets = [];
    for (const [id, held] of roles) {
      const org = Organization.parse((await api.call(`/organizations/${id}`)).json);
      const canPost = [...held].some((r) => POSTING_ROLES.has(r));
      targets.push({
        id, kind: 'Page', name: org.localizedName, handle: org.vanityName ?? id,
        ...(canPost ? {} : {
          unavailable: `Your role on this page (${[...held].join(', ')}) cannot post: a page administrator or content administrator can.`,
          unavailableCode: 'organisation_role_cannot_post' as const, unavailableValues: { roles: [...held].join(', ') },
        }),
      });
    }
    return targets;
  },

  async connect(token, targetId, _app, endpoints, net) {
    const targets = await LINKEDIN_OAUTH.listTargets(token, endpoints, net);
    const target = targets.find((t) => t.id === targetId);
    if (!target) throw new ConnectorError('linkedin', 'forbidden', 'This LinkedIn member does not administer that page.');
    if (target.unavailable) throw new ConnectorError('linkedin', 'forbidden', target.unavailable);
    const api = http(endpoints, token.accessToken, net);
    const size = NetworkSize.safeParse((await api.call(`/networkSizes/${encodeUrn(`urn:li:organization:${targetId}`)}`, { query: 'edgeType=COMPANY_FOLLOWED_BY_MEMBER' })).json);
    const credentials: LinkedInCredentials = {
      network: 'linkedin', apiBase: endpoints.apiBase, accessToken: token.accessToken, refreshToken: token.refreshToken,
      expiresAt: token.expiresAt, refreshExpiresAt: token.refreshExpiresAt, organizationId: targetId,
    };
    return {
      credentials,
      account: { id: targetId, handle: target.handle, displayName: target.name, followers: size.success ? size.data.firstDegreeSize : null },
      expiresAt: token.expiresAt,
    };
  },

  refresh: (credentials, app, endpoints, net) =>
    refreshCredentials(LINKEDIN_OAUTH, LinkedInCredentials.parse(credentials), app, endpoints, net),
};

export const exchangeLinkedInCode = (endpoints: OAuthEndpoints, app: OAuthApp, code: string, redirectUri: string, net: NetCall) =>
  exchangeCode(LINKEDIN_OAUTH, endpoints, app, code, redirectUri, net);
