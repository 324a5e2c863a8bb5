/**
 * The composer's live counters. They reuse the server's own counting rules (graphemes for Bluesky; for
 * Mastodon, links at a fixed weight and remote mentions counted as their local part): those modules are pure
 * and browser-safe (Intl.Segmenter, no Node import), unlike src/connectors/index.ts which pulls in the SDKs.
 */
import { countBlueskyText } from '../../src/connectors/bluesky/limits.js';
import { countMastodonText } from '../../src/connectors/mastodon/limits.js';

export interface Count {
  used: number;
  max: number;
  over: boolean;
}

export function countFor(network: string, text: string): Count {
  const { used, max } = network === 'mastodon' ? countMastodonText(text) : countBlueskyText(text);
  return { used, max, over: used > max };
}

export { networkName } from './networks.js';
