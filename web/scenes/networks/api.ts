/** Settings > Networks calls: the instance's developer apps (never their secrets). */
import { request } from '../../api/client.js';

export interface Words {
  en: string;
  fr: string;
}

export interface NetworkAppView {
  network: string;
  name: string;
  configured: boolean;
  source: 'settings' | 'env' | null;
  clientId: string | null;
  secretSet: boolean;
  redirectUrl: string;
  console: { name: string; url: string };
  app: Words | null;
  scopes: Array<{ scope: string; en: string | null; fr: string | null }>;
  review: (Words & { needed: boolean }) | null;
  env: { clientId: string; clientSecret: string };
}

export interface NetworkAppsView {
  items: NetworkAppView[];
  /** The server's verdict on the address its redirect URLs give the networks (PUBLIC_URL). */
  redirectAddress: { host: string; problem: 'local' | 'http' | null };
  metaWebhook: { callbackUrl: string; verifyToken: string; verifyTokenSource: 'settings' | 'env' } | null;
}

const path = '/instance/networks';

export const networkAppsApi = {
  list: () => request<NetworkAppsView>('GET', path),
  save: (network: string, keys: { clientId: string; clientSecret?: string }) =>
    request<NetworkAppView>('PUT', `${path}/${encodeURIComponent(network)}`, keys),
  remove: (network: string) => request<void>('DELETE', `${path}/${encodeURIComponent(network)}`),
};

/** The sentence in the reader's language. */
export const say = (words: Words | { en: string | null; fr: string | null }, language: string) =>
  (language.startsWith('fr') ? words.fr : words.en) ?? words.en ?? '';
