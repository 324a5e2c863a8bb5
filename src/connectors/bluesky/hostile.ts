/**
 * What the network says about other people is theirs to write: kept as given (the store and the page escape
 * it), only cut down to sizes no honest Bluesky record reaches.
 */
import { z } from 'zod';

// A post is at most 3,000 bytes, a display name 640; handles are domain names.
export const MAX_TEXT = 5_000;
const MAX_NAME = 200;
const MAX_HANDLE = 253;
const MAX_URL = 2_048;
const MAX_LANGS = 3;
/** Posts above an item kept as its context: the nearest ones. */
export const MAX_CONTEXT = 20;

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
export function cap(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export const capName = (name: string | undefined | null) => (name ? cap(name, MAX_NAME) : null);
export const capHandle = (handle: string) => cap(handle, MAX_HANDLE);

/** An http(s) address of a sane length, or null. */
export function webUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL) return null;
  return /^https?:\/\//i.test(raw) ? raw : null;
}

export const langs = (given: string[] | undefined): string[] =>
  (given ?? []).filter((l) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(l)).slice(0, MAX_LANGS);

/** An ISO date the network gave, or null when it is not one. */
export function isoDate(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const t = Date.parse(raw);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

const StrongRef = z.object({ uri: z.string().startsWith('at://').max(MAX_URL), cid: z.string().min(1).max(200) });
export type StrongRef = z.infer<typeof StrongRef>;

/** A post record as others write it: only what the inbox reads. */
export const InboundPostRecord = z
  .object({
    text: z.string(),
    createdAt: z.string(),
    langs: z.array(z.string()).optional(),
    reply: z.object({ root: StrongRef, parent: StrongRef }).optional(),
    embed: z.unknown().optional(),
    facets: z.unknown().optional(),
  })
  .loose();
export type InboundPostRecord = z.infer<typeof InboundPostRecord>;

const EmbedRecord = z.object({ $type: z.literal('app.bsky.embed.record'), record: StrongRef });
const EmbedRecordWithMedia = z.object({ $type: z.literal('app.bsky.embed.recordWithMedia'), record: z.object({ record: StrongRef }) });

/** The post a record quotes, if it quotes one. */
export function quotedRef(embed: unknown): StrongRef | null {
  const plain = EmbedRecord.safeParse(embed);
  if (plain.success) return plain.data.record;
  const withMedia = EmbedRecordWithMedia.safeParse(embed);
  return withMedia.success ? withMedia.data.record.record : null;
}

const MentionFacets = z.array(z.object({ features: z.array(z.object({ $type: z.string().optional(), did: z.string().optional() }).loose()) }).loose());

/** Whether the record's facets name `did`. */
export function mentions(facets: unknown, did: string): boolean {
  const parsed = MentionFacets.safeParse(facets);
  return parsed.success && parsed.data.some((f) => f.features.some((feat) => feat.did === did));
}
