/**
 * A post record as anyone on the network may write it, turned into the post every listening source yields. The
 * record's own fields are kept within sizes no honest client reaches; a record that is not a post is refused
 * whole, while a malformed facet, tag or embed only loses that part.
 */
import { z } from 'zod';
import type { ListeningPost } from '../../../modules/listening/types.js';
import { cap, langs, webUrl } from '../hostile.js';
import { POST_COLLECTION } from '../posts-firehose.js';

export { POST_COLLECTION };

export const ListenedPostRecord = z
  .object({
    text: z.string(),
    createdAt: z.string().max(64),
    langs: z.array(z.string().max(64)).max(32).optional(),
    facets: z.unknown().optional(),
    tags: z.unknown().optional(),
    embed: z.unknown().optional(),
  })
  .loose();
export type ListenedPostRecord = z.infer<typeof ListenedPostRecord>;

const DID = /^did:[a-z]{1,32}:[A-Za-z0-9._:%-]{1,2000}$/;
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;
const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const isDid = (s: unknown): s is string => typeof s === 'string' && s.length <= 2048 && DID.test(s);
export const isRkey = (s: unknown): s is string => typeof s === 'string' && RKEY.test(s) && s !== '.' && s !== '..';
/** A handle as DNS allows it, lower-cased; null otherwise. */
export function handleOf(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 253) return null;
  const h = raw.toLowerCase();
  return HANDLE.test(h) ? h : null;
}

const MAX_FACETS = 100;
const MAX_TAGS = 20;
const MAX_TAG = 64;
const MAX_LINKS = 20;
/** A client's clock may run a little ahead of the network's. */
const SKEW_MS = 5 * 60_000;

const Feature = z.object({ $type: z.string().max(128), uri: z.unknown(), did: z.unknown(), tag: z.unknown() }).partial().loose();
const Facet = z.object({
  index: z.object({ byteStart: z.number().int().nonnegative(), byteEnd: z.number().int().nonnegative() }).optional(),
  features: z.array(z.unknown()).max(MAX_FACETS),
}).loose();

function facetsOf(raw: unknown): z.infer<typeof Facet>[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, MAX_FACETS).flatMap((f) => {
    const parsed = Facet.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  });
}

const tagOf = (raw: unknown) => (typeof raw === 'string' ? cap(raw.replace(/^#+/, '').trim().toLowerCase(), MAX_TAG) : '');

function distinct(values: string[], max: number): string[] {
  return [...new Set(values.filter((v) => v.length > 0))].slice(0, max);
}

/** Hashtags, mentioned handles and links, from the rich-text facets, the record's own `tags` and a link card. */
export function entitiesOf(record: ListenedPostRecord): { hashtags: string[]; mentions: string[]; links: string[] } {
  const hashtags: string[] = [];
  const mentions: string[] = [];
  const links: string[] = [];
  const bytes = Buffer.from(record.text, 'utf8');
  for (const facet of facetsOf(record.facets)) {
    for (const f of facet.features) {
      const feat = Feature.safeParse(f);
      if (!feat.success) continue;
      const type = feat.data.$type;
      if (type === 'app.bsky.richtext.facet#tag') hashtags.push(tagOf(feat.data.tag));
      else if (type === 'app.bsky.richtext.facet#link') {
        const url = webUrl(feat.data.uri);
        if (url) links.push(url);
      } else if (type === 'app.bsky.richtext.facet#mention' && facet.index) {
        // The facet names a DID; the handle is what the author wrote at that place in the text.
        const { byteStart, byteEnd } = facet.index;
        if (byteEnd > byteStart && byteEnd <= bytes.length && byteEnd - byteStart <= 254) {
          const handle = handleOf(bytes.subarray(byteStart, byteEnd).toString('utf8').replace(/^@/, ''));
          if (handle) mentions.push(handle);
        }
      }
    }
  }
  if (Array.isArray(record.tags)) hashtags.push(...record.tags.slice(0, MAX_TAGS).map(tagOf));
  const card = externalUri(record.embed);
  if (card) links.push(card);
  return { hashtags: distinct(hashtags, MAX_TAGS), mentions: distinct(mentions, MAX_TAGS), links: distinct(links, MAX_LINKS) };
}

const External = z.object({ external: z.object({ uri: z.unknown() }).loose() }).loose();
const WithMedia = z.object({ media: z.unknown() }).loose();

function externalUri(embed: unknown): string | null {
  const direct = External.safeParse(embed);
  if (direct.success) return webUrl(direct.data.external.uri);
  const withMedia = WithMedia.safeParse(embed);
  if (!withMedia.success) return null;
  const inner = External.safeParse(withMedia.data.media);
  return inner.success ? webUrl(inner.data.external.uri) : null;
}

/** The record's date, or when it was seen if it has none or claims to be from the future. */
export function clampedDate(raw: string, seenAt: number): string {
  const t = Date.parse(raw);
  if (!Number.isFinite(t) || t < 0 || t > seenAt + SKEW_MS) return new Date(seenAt).toISOString();
  return new Date(t).toISOString();
}

export interface PostSource {
  did: string;
  rkey: string;
  record: unknown;
  /** When the network carried it (the event's time), for a record dated wrongly. */
  seenAt: number;
  author?: { handle?: string | null; displayName?: string | null; avatarUrl?: string | null };
  engagement?: ListeningPost['engagement'];
}

export const postUri = (did: string, rkey: string) => `at://${did}/${POST_COLLECTION}/${rkey}`;

/** The listening post, or null when the record is not a post one can read. */
export function toListeningPost(src: PostSource): ListeningPost | null {
  if (!isDid(src.did) || !isRkey(src.rkey)) return null;
  const parsed = ListenedPostRecord.safeParse(src.record);
  if (!parsed.success) return null;
  const record = parsed.data;
  const profile = `https://bsky.app/profile/${src.did}`;
  const displayName = src.author?.displayName ? cap(src.author.displayName, 200) : null;
  return {
    network: 'bluesky',
    uri: postUri(src.did, src.rkey),
    url: `${profile}/post/${src.rkey}`,
    author: {
      id: src.did,
      handle: handleOf(src.author?.handle) ?? src.did,
      displayName,
      avatarUrl: webUrl(src.author?.avatarUrl),
      followers: null,
      url: profile,
    },
    text: cap(record.text),
    createdAt: clampedDate(record.createdAt, src.seenAt),
    languages: langs(record.langs),
    ...entitiesOf(record),
    ...(src.engagement ? { engagement: src.engagement } : {}),
    repostOf: null,
  };
}
