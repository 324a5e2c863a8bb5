import type { Capability, NetworkLimits, PublishPacing } from '../types.js';

export const YOUTUBE_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'publish', 'delete', 'reply', 'media', 'readComments', 'readMentions', 'hideComment', 'deleteComment', 'banAuthor', 'postMetrics', 'accountMetrics',
]);

export const YOUTUBE_TITLE_MAX = 100;
/** developers.google.com/youtube/v3/docs/videos#snippet.description: 5,000 bytes, no < or >. */
export const YOUTUBE_DESCRIPTION_MAX_BYTES = 5000;

/**
 * A video and nothing else (support.google.com/youtube/answer/4523193: files up to 256 GB or 12 hours; an
 * unverified channel is held to 15 minutes). The post's text is the description: 5,000 characters.
 */
export const YOUTUBE_LIMITS: NetworkLimits = {
  text: { max: 5000, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: {
    maxCount: 1,
    maxBytes: 256 * 1024 ** 3,
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-msvideo', 'video/mpeg'],
    altText: false,
    maxAltLength: 0,
    video: { maxBytes: 256 * 1024 ** 3, mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-msvideo', 'video/mpeg'], maxDurationSec: 12 * 3600 },
    required: true,
  },
  visibilities: ['public', 'unlisted', 'private'],
  contentWarning: false,
};

/**
 * A Google project has 10,000 quota units a day and videos.insert costs 1,600 (developers.google.com/youtube/v3/determine_quota_cost):
 * six uploads a day for all the installer's channels, unless Google grants more.
 */
export const YOUTUBE_PACING: PublishPacing = {
  concurrency: 1,
  budgets: [
    { scope: 'app', windowMs: 24 * 3600_000, max: 6, source: 'developers.google.com/youtube/v3/determine_quota_cost: 10,000 units a day, videos.insert 1,600' },
  ],
};
