import type { Capability, NetworkLimits, PublishPacing } from '../types.js';
import { X_MAX_WEIGHT, X_URL_WEIGHT } from './count.js';

export const X_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'publish', 'delete', 'reply', 'thread', 'media', 'readComments', 'readMentions', 'hideComment', 'muteAuthor',
  'postMetrics', 'accountMetrics', 'readOwnPosts', 'like', 'repost',
]);

/** docs.x.com/x-api/media/quickstart/best-practices: 4 images of 5 MB, or one video (512 MB, 140 s for most accounts). */
export const X_LIMITS: NetworkLimits = {
  text: { max: X_MAX_WEIGHT, unit: 'graphemes', urlWeight: X_URL_WEIGHT, contentWarningCounts: false },
  media: {
    maxCount: 4,
    maxBytes: 5 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime'],
    altText: true,
    maxAltLength: 1000,
    video: { maxBytes: 512 * 1024 * 1024, mimeTypes: ['video/mp4', 'video/quicktime'], maxDurationSec: 140 },
  },
  visibilities: ['public'],
  contentWarning: false,
};

/**
 * POST /2/tweets: 100 requests per 15 minutes per user and 10,000 per 24 hours per app (docs.x.com/x-api/fundamentals/rate-limits,
 * "Manage Posts"). One post in flight per account, so that the parts of a thread go out in order.
 */
export const X_PACING: PublishPacing = {
  concurrency: 1,
  budgets: [
    { scope: 'account', windowMs: 15 * 60_000, max: 100, source: 'docs.x.com/x-api/fundamentals/rate-limits: POST /2/tweets, 100 per 15 min per user' },
    { scope: 'app', windowMs: 24 * 3600_000, max: 10_000, source: 'docs.x.com/x-api/fundamentals/rate-limits: POST /2/tweets, 10,000 per 24 h per app' },
  ],
};
