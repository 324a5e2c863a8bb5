import { countWith } from '../text.js';
import type { Capability, NetworkLimits, TextCount } from '../types.js';

/**
 * Reads go through the AppView the PDS proxies to. Direct messages are Bluesky's central chat service, which
 * no self-hosted server provides: not declared. Reporting goes to a moderation service: not built yet.
 */
export const BLUESKY_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'publish', 'delete', 'reply', 'thread', 'media', 'hideComment', 'blockAuthor',
  'readInbox', 'streamInbox', 'like', 'repost', 'muteAuthor', 'search',
  'postMetrics', 'accountMetrics', 'readOwnPosts',
]);

export const BLUESKY_LIMITS: NetworkLimits = {
  text: { max: 300, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  // app.bsky.embed.images: 4 images of at most 1,000,000 bytes each.
  media: { maxCount: 4, maxBytes: 1_000_000, mimeTypes: ['image/jpeg', 'image/png', 'image/webp'], altText: true, maxAltLength: 2000 },
  visibilities: ['public'],
  contentWarning: false,
};

/** The composer's live counter for Bluesky: graphemes, links counted as written. */
export const countBlueskyText = (text: string): TextCount => countWith(BLUESKY_LIMITS.text, text);
