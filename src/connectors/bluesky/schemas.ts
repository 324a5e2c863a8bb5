/** What we read from a PDS, checked with zod: the SDK's types are not a validation of what came back. */
import { z } from 'zod';
import { ConnectorError } from '../errors.js';

export const BlueskyCredentials = z.object({
  network: z.literal('bluesky'),
  /** Where the session was made and is refreshed (bsky.social's entryway, or the PDS itself). */
  service: z.url(),
  /** Where the account's repository lives; every other call goes there. */
  pdsUrl: z.url(),
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
});
export type BlueskyCredentials = z.infer<typeof BlueskyCredentials>;

/** An account's saved session, or the `auth_expired` error that sends someone to reconnect it. */
export function savedSession(credentials: unknown): BlueskyCredentials {
  const parsed = BlueskyCredentials.safeParse(credentials);
  if (!parsed.success) throw new ConnectorError('bluesky', 'auth_expired', 'The saved Bluesky session is unreadable; reconnect the account.');
  return parsed.data;
}

const BlobRef = z.object({ ref: z.unknown(), mimeType: z.string(), size: z.number() }).loose();

export const PostRecord = z.object({
  text: z.string(),
  createdAt: z.string(),
  langs: z.array(z.string()).optional(),
  facets: z.array(z.object({ index: z.object({ byteStart: z.number(), byteEnd: z.number() }), features: z.array(z.record(z.string(), z.unknown())) })).optional(),
  reply: z.object({ root: z.object({ uri: z.string(), cid: z.string() }), parent: z.object({ uri: z.string(), cid: z.string() }) }).optional(),
  embed: z.object({ $type: z.string(), images: z.array(z.object({ alt: z.string(), image: BlobRef })).optional() }).loose().optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

export const GetRecordAnswer = z.object({ uri: z.string(), cid: z.string().optional(), value: z.unknown() });
export const CreatedRecord = z.object({ uri: z.string(), cid: z.string() });

export const Threadgate = z
  .object({ post: z.string(), createdAt: z.string(), hiddenReplies: z.array(z.string()).optional() })
  .loose();

export const Session = z.object({ did: z.string(), handle: z.string(), accessJwt: z.string(), refreshJwt: z.string() });
