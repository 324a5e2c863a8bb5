/**
 * Ways real "Mastodon-compatible" servers differ from Mastodon's documented API, each one switchable on the
 * fake. Most were seen on one real server, Hollo 0.6 (see NETWORKS.md), hence the preset; `noQuotes` is any
 * Mastodon before 4.4, and `noStreaming` a server without the streaming API.
 */
export interface MastodonQuirks {
  /** Ids are UUIDs: not numbers, and (random ones) in no order. */
  uuidIds?: boolean;
  /** `since_id` and `min_id` are ignored: listings always start from the newest item. */
  ignoresSinceId?: boolean;
  /** `/api/v2/instance` has no `description_limit` for media. */
  noDescriptionLimit?: boolean;
  /** `POST /api/v2/media` answers 200 with the media ready, never 202. */
  mediaAt200?: boolean;
  /** No X-RateLimit-* headers, and never a 429. */
  noRateLimit?: boolean;
  /** `/oauth/token` gives `created_at` in milliseconds, not seconds. */
  tokenCreatedAtMs?: boolean;
  /** Validation errors are a 400 whose `error` is an object (a serialised validation error), not a 422 string. */
  errorObjects?: boolean;
  /** Statuses are rendered from Markdown: the text read back differs from the text sent. */
  markdown?: boolean;
  /** Invalid input (a reply to a missing parent, bytes that are not an image) crashes into a bare 500. */
  invalidInputAs500?: boolean;
  /** No streaming API: no `configuration.urls.streaming`, and /api/v1/streaming/* answers 404. */
  noStreaming?: boolean;
  /** No quote posts (Mastodon before 4.4): no `quote` on statuses, no `quote` notifications. */
  noQuotes?: boolean;
}

export type QuirkName = keyof MastodonQuirks;

export const QUIRK_NAMES: readonly QuirkName[] = [
  'uuidIds', 'ignoresSinceId', 'noDescriptionLimit', 'mediaAt200', 'noRateLimit', 'tokenCreatedAtMs', 'errorObjects',
  'markdown', 'invalidInputAs500', 'noStreaming', 'noQuotes',
];

export const HOLLO: MastodonQuirks = Object.fromEntries(QUIRK_NAMES.map((q) => [q, true]));

/** Mastodon itself, each quirk alone, and all of them together (the Hollo preset): what the suites run on. */
export const QUIRK_VARIANTS: readonly { name: string; quirks: MastodonQuirks }[] = [
  { name: 'mastodon', quirks: {} },
  ...QUIRK_NAMES.map((q) => ({ name: q, quirks: { [q]: true } })),
  { name: 'hollo (all quirks)', quirks: HOLLO },
];
