import type { Connector, ConnectorDeps } from '../types.js';
import type { BlueskyConnector } from './connector.js';
import { BLUESKY_CAPABILITIES } from './limits.js';
import { savedSession } from './schemas.js';

type Method = { [K in keyof BlueskyConnector]: BlueskyConnector[K] extends (...args: never[]) => unknown ? K : never }[keyof BlueskyConnector];

// Every method the connector has, and no other: the compiler refuses this list when one is added or removed there.
const METHODS: Record<Method, true> = {
  limits: true, countText: true, account: true, publish: true, findExisting: true, getPost: true, delete: true,
  hideComment: true, unhideComment: true, blockAuthor: true, unblockAuthor: true, muteAuthor: true, unmuteAuthor: true,
  like: true, repost: true, readInbox: true, streamInbox: true, postMetrics: true, accountMetrics: true, ownPosts: true,
  searchPosts: true,
};

/**
 * The Bluesky connector, with its code and the AT Protocol libraries it stands on (@atproto/api, @atproto/sync:
 * the heaviest part of the server) loaded by its first call rather than with the server. Unreadable credentials
 * are refused at once, as the connector itself refuses them.
 */
export function deferredBlueskyConnector(deps: ConnectorDeps): Connector {
  savedSession(deps.credentials);
  let loaded: Promise<BlueskyConnector> | null = null;
  const real = () => (loaded ??= import('./connector.js').then(({ BlueskyConnector }) => new BlueskyConnector(deps)));
  const connector: Record<string, unknown> = { network: 'bluesky', capabilities: BLUESKY_CAPABILITIES };
  for (const name of Object.keys(METHODS) as Method[]) {
    connector[name] = async (...args: unknown[]) => {
      const c = await real();
      return (c[name] as (...a: unknown[]) => unknown).apply(c, args);
    };
  }
  return connector as unknown as Connector;
}
