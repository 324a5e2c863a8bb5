/**
 * Jetstream's JSON events (github.com/bluesky-social/jetstream): `{ did, time_us, kind, commit | identity | account }`,
 * where `time_us` (unix microseconds) is also the cursor. Only what listening reads is checked.
 */
import { z } from 'zod';

const Did = z.string().min(8).max(2048).startsWith('did:');

export const JetstreamCommit = z
  .object({
    rev: z.string().max(64).optional(),
    operation: z.enum(['create', 'update', 'delete']),
    collection: z.string().max(317),
    rkey: z.string().max(512),
    record: z.unknown().optional(),
    cid: z.string().max(200).optional(),
  })
  .loose();

export const JetstreamEvent = z
  .object({
    did: Did,
    time_us: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    kind: z.string().max(32),
    commit: z.unknown().optional(),
    identity: z.object({ did: Did, handle: z.string().max(253).optional() }).loose().optional(),
  })
  .loose();
export type JetstreamEvent = z.infer<typeof JetstreamEvent>;

/** Just the position of an event that is otherwise unreadable, so the cursor still moves past it. */
export const TimeOnly = z.object({ time_us: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).loose();
