import { NETWORKS } from '../index.js';
import type { NetworkId } from '../types.js';
import type { OAuthProvider } from './provider.js';

/**
 * The OAuth 2 provider of a network, from the registry. Tests put a provider of their own in front (a network
 * whose authorization server is the standards fake), the way they swap in a connector factory.
 */
const overrides = new Map<NetworkId, OAuthProvider>();

export function oauthProvider(network: NetworkId): OAuthProvider | null {
  return overrides.get(network) ?? NETWORKS[network]?.oauth ?? null;
}

export function useOAuthProvider(provider: OAuthProvider): () => void {
  overrides.set(provider.network, provider);
  return () => overrides.delete(provider.network);
}

/** The networks connected through the installer's developer app, in registry order. */
export function oauthNetworks(): NetworkId[] {
  return (Object.keys(NETWORKS) as NetworkId[]).filter((n) => oauthProvider(n) !== null);
}
