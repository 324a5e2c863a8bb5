import { countWith } from '../text.js';
import type { Capability, NetworkLimits, PublishPacing, TextCount } from '../types.js';

export const LINKEDIN_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['publish', 'delete', 'media', 'readComments', 'postMetrics']);

/**
 * Posts API: commentary up to 3,000 characters; one image (`content.media`) or 2 to 20 (`content.multiImage`),
 * JPG, PNG or GIF (Images API), alt text up to 4,086 characters (learn.microsoft.com/linkedin/marketing/
 * community-management/shares/posts-api and images-api, version 202611). Organisation posts are public.
 */
export const LINKEDIN_LIMITS: NetworkLimits = {
  text: { max: 3000, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: {
    maxCount: 20,
    maxBytes: 36_000_000,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
    altText: true,
    maxAltLength: 4086,
  },
  visibilities: ['public'],
  contentWarning: false,
};

export const countLinkedInText = (text: string): TextCount => countWith(LINKEDIN_LIMITS.text, text);

/**
 * LinkedIn counts calls per app and per member per day, resetting at midnight UTC, and does not publish the
 * standard figures (learn.microsoft.com/linkedin/shared/api-guide/concepts/rate-limits: the app's Analytics tab shows
 * them). Schedulers document 150 posts a day per member (ayrshare.com/docs/apis/post/social-networks/linkedin).
 */
export const LINKEDIN_PACING: PublishPacing = {
  concurrency: 1,
  budgets: [{
    scope: 'account', windowMs: 86_400_000, max: 150,
    source: 'LinkedIn rate limits (daily per member, not published); 150 posts a day per member as schedulers document',
  }],
};
