import { countWith } from '../text.js';
import type { Capability, NetworkLimits, PublishPacing, TextCount } from '../types.js';

export const PINTEREST_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['publish', 'delete', 'media']);

/**
 * A pin (developers.pinterest.com/docs/api/v5/pins-create, API v5): description up to 500 characters, title up to
 * 100, alt text up to 500, one image (BMP, JPEG, PNG, TIFF, WEBP up to 20 MB), and an image is required.
 */
export const PINTEREST_LIMITS: NetworkLimits = {
  text: { max: 500, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: {
    maxCount: 1, maxBytes: 20_000_000, mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/tiff'],
    altText: true, maxAltLength: 500, required: true,
  },
  visibilities: ['public'],
  contentWarning: false,
};
export const PINTEREST_TITLE_MAX = 100;

export const countPinterestText = (text: string): TextCount => countWith(PINTEREST_LIMITS.text, text);

/** developers.pinterest.com/docs/reference/rate-limits: Standard access, 100 requests per second per user per app. */
export const PINTEREST_PACING: PublishPacing = {
  concurrency: 1,
  budgets: [{ scope: 'account', windowMs: 1000, max: 100, source: 'Pinterest rate limits, Standard access: 100 requests per second per user per app' }],
};
