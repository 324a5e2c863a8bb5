/** Typed calls for connecting accounts of the OAuth 2 networks (src/modules/accounts/oauth2/routes.ts). */
import { request } from '../../api/client.js';

const enc = encodeURIComponent;
const ws = (wid: string) => `/workspaces/${enc(wid)}`;

export interface OAuthNetworkView {
  network: string;
  name: string;
  /** False until an administrator adds the network's developer app. */
  ready: boolean;
  scopes: Array<{ scope: string; en: string | null; fr: string | null }>;
}

export interface PendingTarget {
  id: string;
  kind: string;
  name: string;
  handle: string;
  unavailable?: string;
  unavailableCode?: string;
  unavailableValues?: Record<string, string>;
}

export const oauthConnect = {
  networks: (wid: string) => request<{ items: OAuthNetworkView[] }>('GET', `${ws(wid)}/oauth-networks`),
  start: (wid: string, network: string) => request<{ authorizeUrl: string }>('POST', `${ws(wid)}/accounts/oauth/${enc(network)}`),
  pending: (wid: string, pendingId: string) =>
    request<{ network: string; targets: PendingTarget[] }>('GET', `${ws(wid)}/accounts/pending/${enc(pendingId)}`),
  choose: (wid: string, pendingId: string, targetId: string) =>
    request<{ id: string }>('POST', `${ws(wid)}/accounts/pending/${enc(pendingId)}`, { targetId }),
};
