import { ConnectorError } from '../errors.js';
import type { Capability, NetworkLimits, OutgoingPost, PublishPacing } from '../types.js';

/**
 * Instagram content publishing (Graph v24.0, "Content Publishing" and IG User Media reference): captions up to
 * 2,200 characters with at most 30 hashtags and 20 @mentions; JPEG images 4:5 to 1.91:1, at most 8 MB; carousels
 * of up to 10; stories 9:16; reels are videos. Media go by public URL, which Meta fetches itself.
 */
export const INSTAGRAM_LIMITS: NetworkLimits = {
  text: { max: 2200, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: {
    maxCount: 10, maxBytes: 8 * 1024 * 1024, mimeTypes: ['image/jpeg', 'video/mp4', 'video/quicktime'], altText: true, maxAltLength: 1000,
    ratio: { min: 0.8, max: 1.91 },
    video: { maxBytes: 300 * 1024 * 1024, mimeTypes: ['video/mp4', 'video/quicktime'], maxDurationSec: 900 },
    required: true,
  },
  visibilities: ['public'],
  contentWarning: false,
};

export const INSTAGRAM_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'publish', 'delete', 'reply', 'media', 'readComments', 'hideComment', 'deleteComment',
  'postMetrics', 'accountMetrics', 'readOwnPosts', 'readInbox', 'readMessages',
]);

/** Source: IG User content_publishing_limit — 100 API-published posts per rolling 24 hours (a carousel counts as one). */
export const INSTAGRAM_PACING: PublishPacing = {
  concurrency: 1,
  budgets: [{ scope: 'account', windowMs: 24 * 60 * 60_000, max: 100, source: 'Instagram Graph API: IG User content_publishing_limit (v24.0)' }],
};

const STORY_RATIO = 9 / 16;

/** What Instagram refuses, said before anything is sent. */
export function assertInstagramRules(post: OutgoingPost): void {
  const no = (m: string): never => {
    throw new ConnectorError('instagram', 'rejected', m);
  };
  const tags = post.text.match(/(^|\s)#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (tags > 30) no(`The caption has ${tags} hashtags; Instagram allows 30.`);
  const mentions = post.text.match(/(^|\s)@[\w.]+/g)?.length ?? 0;
  if (mentions > 20) no(`The caption has ${mentions} mentions; Instagram allows 20.`);
  if (post.replyTo) return;
  const media = post.media ?? [];
  if (!media.length) no('An Instagram post needs a photo or a video.');
  if (media.some((m) => !m.publicUrl)) no('Instagram fetches media from a public address, and this file has none.');
  const format = post.options?.format ?? 'feed';
  if (format !== 'feed' && media.length !== 1) no(`An Instagram ${format} carries exactly one photo or video.`);
  if (format === 'reel' && !media[0].mimeType.startsWith('video/')) no('A reel is a video.');
  for (const m of media) {
    if (!m.width || !m.height || m.mimeType.startsWith('video/')) continue;
    const r = m.width / m.height;
    if (format === 'story' && Math.abs(r - STORY_RATIO) > 0.01) no('A story is 9:16 (e.g. 1080×1920).');
    if (format === 'feed' && (r < INSTAGRAM_LIMITS.media.ratio!.min - 0.005 || r > INSTAGRAM_LIMITS.media.ratio!.max + 0.005)) {
      no(`Instagram takes images from 4:5 to 1.91:1; this one is ${m.width}×${m.height}.`);
    }
  }
}
