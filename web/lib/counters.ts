/**
 * The composer's live counters. They reuse the server's own counting rules (graphemes against each network's
 * limit; for Mastodon, links at a fixed weight and remote mentions counted as their local part; X's weighted
 * length): those modules are pure and browser-safe (Intl.Segmenter, no Node import), unlike
 * src/connectors/index.ts which pulls in the SDKs.
 */
import type { TextCount } from '../../src/connectors/types.js';
import { countWith } from '../../src/connectors/text.js';
import { countBlueskyText } from '../../src/connectors/bluesky/limits.js';
import { countMastodonText } from '../../src/connectors/mastodon/limits.js';
import { FACEBOOK_LIMITS } from '../../src/connectors/facebook/limits.js';
import { INSTAGRAM_LIMITS } from '../../src/connectors/instagram/limits.js';
import { countLinkedInText } from '../../src/connectors/linkedin/limits.js';
import { countPinterestText } from '../../src/connectors/pinterest/limits.js';
import { countXText } from '../../src/connectors/x/count.js';
import { YOUTUBE_LIMITS } from '../../src/connectors/youtube/limits.js';

export interface Count {
  used: number;
  max: number;
  over: boolean;
}

// Each network's own rule, as src/connectors/*/network.ts counts on the server.
const COUNTERS: Record<string, (text: string) => TextCount> = {
  bluesky: countBlueskyText,
  mastodon: (text) => countMastodonText(text),
  facebook: (text) => countWith(FACEBOOK_LIMITS.text, text),
  instagram: (text) => countWith(INSTAGRAM_LIMITS.text, text),
  linkedin: countLinkedInText,
  pinterest: countPinterestText,
  x: countXText,
  youtube: (text) => countWith(YOUTUBE_LIMITS.text, text),
};

export function countFor(network: string, text: string): Count {
  // A network this page does not know yet is counted with the strictest common rule.
  const { used, max } = (COUNTERS[network] ?? countBlueskyText)(text);
  return { used, max, over: used > max };
}

export { networkName } from './networks.js';
