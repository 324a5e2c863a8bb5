/**
 * Mastodon's answers as documented, kept to the fields we read; anything else passes through unchecked.
 * Compatible servers differ: ids may be UUIDs (or numbers), times may be epoch numbers, errors may be objects.
 */
import { z } from 'zod';

/** An id, kept as an opaque string: never compared for order or turned into a number. */
const Id = z.union([z.string(), z.number()]).transform(String);

/** An ISO time, or an epoch number in seconds or milliseconds (told apart by size), as ISO text. */
const Time = z.union([z.string(), z.number()]).transform((v) => {
  const n = typeof v === 'number' ? v : /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;
  if (n === null) return v as string;
  return new Date(n < 1e11 ? n * 1000 : n).toISOString();
});

export const MastodonCredentials = z.object({
  network: z.literal('mastodon'),
  instanceUrl: z.url(),
  accessToken: z.string().min(1),
  accountId: z.string().min(1),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
});
export type MastodonCredentials = z.infer<typeof MastodonCredentials>;

export const Account = z.object({
  id: Id,
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
  followers_count: z.number().int().nullish(),
  avatar: z.string().nullish(),
  created_at: Time.nullish(),
});

export const MediaAttachment = z.object({
  id: Id,
  type: z.string(),
  url: z.string().nullable(),
  description: z.string().nullish(),
});

const QuoteRef = z.object({
  state: z.string().optional(),
  quoted_status: z.object({ id: Id, account: z.object({ id: Id }).optional() }).nullish(),
  quoted_status_id: Id.nullish(),
});

export const Status = z.object({
  id: Id,
  uri: z.string(),
  url: z.string().nullish(),
  created_at: Time,
  content: z.string(),
  account: Account,
  in_reply_to_id: Id.nullish(),
  in_reply_to_account_id: Id.nullish(),
  visibility: z.string(),
  spoiler_text: z.string().default(''),
  language: z.string().nullish(),
  media_attachments: z.array(MediaAttachment).default([]),
  mentions: z.array(z.object({ id: Id, acct: z.string(), url: z.string().nullish() })).default([]),
  tags: z.array(z.object({ name: z.string() })).default([]),
  replies_count: z.number().int().default(0),
  reblogs_count: z.number().int().default(0),
  favourites_count: z.number().int().default(0),
  quotes_count: z.number().int().nullish(),
  /** Set on a boost, which an account's statuses list among its own posts. */
  reblog: z.unknown().optional(),
  /** Mastodon 4.4+: the Quote (with the quoted status) or the ShallowQuote (its id only); anything else is no quote. */
  quote: QuoteRef.nullish().catch(null),
});
export type Status = z.infer<typeof Status>;

/** GET /api/v1/statuses/:id/source: the text as the author wrote it, before any rendering. */
export const StatusSource = z.object({ id: Id, text: z.string(), spoiler_text: z.string().default('') });

export const Context = z.object({ ancestors: z.array(Status), descendants: z.array(Status) });

export const Notification = z.object({
  id: Id,
  type: z.string(),
  created_at: Time,
  account: Account,
  status: Status.nullish(),
});

/** Just enough of a listed entry to walk the listing; the rest is read entry by entry, so one odd entry stops nothing. */
export const Listed = z.object({ id: Id, created_at: Time });

export const Conversation = z.object({
  id: Id,
  unread: z.boolean().optional(),
  accounts: z.array(Account).default([]),
  last_status: Status,
});
export type Conversation = z.infer<typeof Conversation>;
export type Notification = z.infer<typeof Notification>;

/** A context whose statuses are read one by one, for the same reason. */
export const LooseContext = z.object({ ancestors: z.array(z.unknown()).default([]) });

export const Relationship = z.object({ id: Id, blocking: z.boolean().optional(), muting: z.boolean().optional() });
export const Report = z.object({ id: Id });

export const Instance = z.object({
  configuration: z
    .object({
      urls: z.object({ streaming: z.string().nullish() }).optional().catch(undefined),
      statuses: z
        .object({
          max_characters: z.number().int().positive().optional(),
          max_media_attachments: z.number().int().nonnegative().optional(),
          characters_reserved_per_url: z.number().int().nonnegative().optional(),
        })
        .optional(),
      media_attachments: z
        .object({
          supported_mime_types: z.array(z.string()).optional(),
          image_size_limit: z.number().int().positive().optional(),
          description_limit: z.number().int().positive().optional(),
        })
        .optional(),
    })
    .optional(),
});

export const Application = z.object({ client_id: z.string(), client_secret: z.string() });
export const Token = z.object({ access_token: z.string(), token_type: z.string(), scope: z.string().optional(), created_at: Time.optional() });

/**
 * `{"error": "..."}` as documented; some servers put a validation error object under `error`, or their
 * validator's details beside a code (`{"error": "invalid_request", "zod_error": {...}}`).
 */
export const ErrorBody = z.object({
  error: z.union([z.string(), z.record(z.string(), z.unknown())]),
  error_description: z.string().optional(),
  zod_error: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
