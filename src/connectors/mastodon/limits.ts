import { z } from 'zod';
import { countWith } from '../text.js';
import type { Capability, NetworkLimits, PublishPacing, TextCount } from '../types.js';
import type { Instance } from './schemas.js';

export const MASTODON_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'publish', 'delete', 'reply', 'thread', 'media',
  'readComments', 'readMentions', 'readNotifications',
  'reportComment', 'blockAuthor', 'muteAuthor', 'postMetrics', 'accountMetrics',
  'readInbox', 'readMessages', 'streamInbox', 'like', 'repost', 'readOwnPosts',
]);

/** Mastodon's defaults, used until the instance's own configuration has been read. */
export const MASTODON_DEFAULT_LIMITS: NetworkLimits = {
  text: { max: 500, unit: 'graphemes', urlWeight: 23, contentWarningCounts: true },
  media: {
    maxCount: 4,
    maxBytes: 16 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    altText: true,
    maxAltLength: 1500,
  },
  visibilities: ['public', 'unlisted', 'private', 'direct'],
  contentWarning: true,
};

/** GET /api/v2/instance → limits; fields a server leaves out keep Mastodon's defaults. */
export function limitsFromInstance(instance: z.infer<typeof Instance>): NetworkLimits {
  const d = MASTODON_DEFAULT_LIMITS;
  const statuses = instance.configuration?.statuses;
  const media = instance.configuration?.media_attachments;
  // Only images: the composer sends images, and video needs its own processing path.
  const images = media?.supported_mime_types?.filter((m) => m.startsWith('image/'));
  return {
    ...d,
    text: {
      ...d.text,
      max: statuses?.max_characters ?? d.text.max,
      urlWeight: statuses?.characters_reserved_per_url ?? d.text.urlWeight,
    },
    media: {
      ...d.media,
      maxCount: statuses?.max_media_attachments ?? d.media.maxCount,
      maxBytes: media?.image_size_limit ?? d.media.maxBytes,
      mimeTypes: images?.length ? images : d.media.mimeTypes,
      maxAltLength: media?.description_limit ?? d.media.maxAltLength,
    },
  };
}

/** The composer's live counter for Mastodon (instance limits when known). */
export function countMastodonText(text: string, contentWarning = '', limits = MASTODON_DEFAULT_LIMITS): TextCount {
  return countWith(limits.text, text, contentWarning);
}

/**
 * Mastodon's default limits (docs.joinmastodon.org/api/rate-limits): 300 API calls per 5 minutes per account, and
 * 30 media uploads per 30 minutes. An instance may set its own: its X-RateLimit-* headers and a 429's reset hold
 * the account until then (see publishing's pacing), these defaults keep a burst from reaching them.
 */
export const MASTODON_PACING: PublishPacing = {
  concurrency: 4,
  budgets: [
    { scope: 'account', windowMs: 5 * 60_000, max: 250, source: 'docs.joinmastodon.org/api/rate-limits: 300 calls per 5 minutes per account, less what the inbox and metrics use' },
    { scope: 'account', windowMs: 30 * 60_000, max: 30, counts: 'media', source: 'docs.joinmastodon.org/api/rate-limits: POST /api/v1/media, 30 per 30 minutes' },
  ],
};
