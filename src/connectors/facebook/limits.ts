import type { Capability, NetworkLimits, PublishPacing } from '../types.js';

/** Pages: a post's message is up to 63,206 characters; photos up to 10 MB, at most 10 attached to a post. */
export const FACEBOOK_LIMITS: NetworkLimits = {
  text: { max: 63206, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: {
    maxCount: 10, maxBytes: 10 * 1024 * 1024, mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    altText: true, maxAltLength: 1000,
  },
  visibilities: ['public'],
  contentWarning: false,
};

// NETWORKS.md: publish, comments (read, hide, delete), ban through /{page-id}/blocked, insights; replies are comments.
export const FACEBOOK_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'publish', 'delete', 'reply', 'media', 'readComments', 'hideComment', 'deleteComment', 'banAuthor',
  'postMetrics', 'accountMetrics', 'readOwnPosts', 'readInbox', 'readMessages',
]);

/**
 * Pages' calls are counted by the business-use-case limit (4800 × engaged users per 24 h); the write budget that
 * bites first is Meta's spam protection on bursts, so posts to one Page go one at a time.
 * Source: developers.facebook.com/docs/graph-api/overview/rate-limiting (Pages, v24.0).
 */
export const FACEBOOK_PACING: PublishPacing = {
  concurrency: 1,
  budgets: [{ scope: 'account', windowMs: 60 * 60_000, max: 50, source: 'Graph API rate limiting: Pages business-use-case limits (v24.0)' }],
};
