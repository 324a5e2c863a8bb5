import { countWith } from '../text.js';
import type { Capability, NetworkLimits, PublishPacing, TextCount } from '../types.js';

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

/**
 * The PDS write budget (docs.bsky.app "Rate Limits"): 5,000 points an hour and 35,000 a day per account, a record
 * created costing 3 points, so 1,666 posts an hour and 11,666 a day (each part of a thread is a record). No limit
 * on parallel writes is documented; a few at once keep an account's burst from crowding out the others.
 */
export const BLUESKY_PACING: PublishPacing = {
  concurrency: 8,
  budgets: [
    { scope: 'account', windowMs: 3600_000, max: 1666, source: 'docs.bsky.app/docs/advanced-guides/rate-limits: 5,000 points per hour, create = 3 points' },
    { scope: 'account', windowMs: 86_400_000, max: 11_666, source: 'docs.bsky.app/docs/advanced-guides/rate-limits: 35,000 points per day, create = 3 points' },
  ],
};
