/** Mastodon's answers as documented, kept to the fields we read; anything else passes through unchecked. */
import { z } from 'zod';

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
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
  followers_count: z.number().int().nullish(),
});

export const MediaAttachment = z.object({
  id: z.string(),
  type: z.string(),
  url: z.string().nullable(),
  description: z.string().nullish(),
});

export const Status = z.object({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  created_at: z.string(),
  content: z.string(),
  account: Account,
  in_reply_to_id: z.string().nullish(),
  visibility: z.string(),
  spoiler_text: z.string().default(''),
  language: z.string().nullish(),
  media_attachments: z.array(MediaAttachment).default([]),
  mentions: z.array(z.object({ id: z.string(), acct: z.string(), url: z.string().nullish() })).default([]),
  tags: z.array(z.object({ name: z.string() })).default([]),
  replies_count: z.number().int().default(0),
  reblogs_count: z.number().int().default(0),
  favourites_count: z.number().int().default(0),
  quotes_count: z.number().int().nullish(),
});
export type Status = z.infer<typeof Status>;

export const Context = z.object({ ancestors: z.array(Status), descendants: z.array(Status) });

export const Notification = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: Account,
  status: Status.nullish(),
});

export const Relationship = z.object({ id: z.string(), blocking: z.boolean().optional(), muting: z.boolean().optional() });
export const Report = z.object({ id: z.string() });

export const Instance = z.object({
  configuration: z
    .object({
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
export const Token = z.object({ access_token: z.string(), token_type: z.string(), scope: z.string().optional() });
export const ErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });
