/** The registry generic code uses: which networks exist, what each can do, and a connector for an account. */
import { ConnectorError } from './errors.js';
import { BLUESKY_CAPABILITIES, BLUESKY_LIMITS, BLUESKY_PACING, countBlueskyText } from './bluesky/limits.js';
import { deferredBlueskyConnector } from './bluesky/deferred.js';
import { MastodonConnector, countMastodonText, MASTODON_CAPABILITIES, MASTODON_DEFAULT_LIMITS, MASTODON_PACING } from './mastodon/index.js';
import type { Capability, Connector, ConnectorDeps, NetworkId, NetworkLimits, PublishPacing, TextCount } from './types.js';
import type { OAuthProvider } from './oauth2/provider.js';
import { FACEBOOK_NETWORK } from './facebook/network.js';
import { INSTAGRAM_NETWORK } from './instagram/network.js';
import { LINKEDIN_NETWORK } from './linkedin/network.js';
import { X_NETWORK } from './x/network.js';
import { YOUTUBE_NETWORK } from './youtube/network.js';
import { PINTEREST_NETWORK } from './pinterest/network.js';

export interface NetworkInfo {
  id: NetworkId;
  name: string;
  capabilities: ReadonlySet<Capability>;
  /** Defaults; a connected account may have its own (a Mastodon instance's configuration). */
  limits: NetworkLimits;
  /** The composer's live counter. */
  countText(text: string, contentWarning?: string): TextCount;
  create(deps: ConnectorDeps): Connector;
  /** The network's write budget; absent, posts go out as fast as the workers send them. */
  publishPacing?: PublishPacing;
  /** Networks connected through the installer's own developer app and OAuth 2. */
  oauth?: OAuthProvider;
}

export const NETWORKS: Readonly<Record<NetworkId, NetworkInfo>> = {
  bluesky: {
    id: 'bluesky',
    name: 'Bluesky',
    capabilities: BLUESKY_CAPABILITIES,
    limits: BLUESKY_LIMITS,
    countText: (text) => countBlueskyText(text),
    create: (deps) => deferredBlueskyConnector(deps),
    publishPacing: BLUESKY_PACING,
  },
  mastodon: {
    id: 'mastodon',
    name: 'Mastodon',
    capabilities: MASTODON_CAPABILITIES,
    limits: MASTODON_DEFAULT_LIMITS,
    countText: (text, cw) => countMastodonText(text, cw),
    create: (deps) => new MastodonConnector(deps),
    publishPacing: MASTODON_PACING,
  },
  facebook: FACEBOOK_NETWORK,
  instagram: INSTAGRAM_NETWORK,
  linkedin: LINKEDIN_NETWORK,
  x: X_NETWORK,
  youtube: YOUTUBE_NETWORK,
  pinterest: PINTEREST_NETWORK,
};

export const isNetworkId = (value: string): value is NetworkId => Object.hasOwn(NETWORKS, value);

export function connectorFor(network: string, deps: ConnectorDeps): Connector {
  if (!isNetworkId(network)) throw new ConnectorError(network, 'rejected', `Ruche has no connector for "${network}".`);
  return NETWORKS[network].create(deps);
}

/** Networks that can do something, for menus and for generic code that must not name a network. */
export const networksWith = (capability: Capability): NetworkInfo[] =>
  Object.values(NETWORKS).filter((n) => n.capabilities.has(capability));

export function countText(network: NetworkId, text: string, contentWarning?: string): TextCount {
  return NETWORKS[network].countText(text, contentWarning);
}

/** What the app wires by default; tests swap in their own factory. */
export const defaultConnectors = { create: connectorFor };

export * from './errors.js';
export * from './types.js';
export { requireCapability, missingMethods, CAPABILITY_METHOD } from './capabilities.js';
