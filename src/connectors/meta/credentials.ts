import { ConnectorError } from '../errors.js';
import { GRAPH_API_BASE } from './graph.js';

/** What Ruche keeps (sealed) for a Page or an Instagram professional account: the Page token acts for both. */
export interface MetaCredentials {
  network: 'facebook' | 'instagram';
  apiBase: string;
  pageId: string;
  /** The Page access token (from a long-lived user token: it does not expire). */
  accessToken: string;
  /** Instagram: the professional account linked to the Page. */
  igUserId?: string;
  name?: string;
  handle?: string;
}

export function metaCredentials(network: 'facebook' | 'instagram', raw: unknown): MetaCredentials {
  const c = (raw ?? {}) as Partial<MetaCredentials>;
  const ok = c.network === network && typeof c.pageId === 'string' && typeof c.accessToken === 'string'
    && (network === 'facebook' || typeof c.igUserId === 'string');
  if (!ok) throw new ConnectorError(network, 'auth_expired', 'The stored credentials are incomplete: reconnect the account.');
  return { ...c, apiBase: c.apiBase || GRAPH_API_BASE } as MetaCredentials;
}
