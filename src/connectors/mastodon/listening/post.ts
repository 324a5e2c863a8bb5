/**
 * A Mastodon status, as any instance serves it, → the post every listening source yields. The status's `uri` (its
 * ActivityPub id) is the same on every instance that carries it, so it is the post's identity; instance-local ids
 * never leave this folder. A boost is listed as the status it boosts, under that status's uri: one post, however
 * many people boost it. Only what the schema accepts is read, and every string is held to a size.
 */
import { z } from 'zod';
import type { ListeningAuthor, ListeningPost } from '../../../modules/listening/types.js';
import { capChars, htmlToText } from '../html-text.js';
import { Account, Status } from '../schemas.js';
import { contentLinks, MAX_URL_CHARS, webAddress } from './links.js';

/**
 * The most HTML read of one status. Mastodon allows 500 characters by default and a few servers some thousands;
 * past this the markup is a hostile one, and html-text's patterns slow down on long runs of unclosed tags.
 */
export const MAX_CONTENT_CHARS = 30_000;
const MAX_NAME_CHARS = 200;
const MAX_LISTED = 50;
const MAX_TAG_CHARS = 100;

const Count = z.number().int().nonnegative().catch(0);
const listOf = <T extends z.ZodType>(item: T) => z.array(z.unknown()).catch([]).transform((all) =>
  all.slice(0, MAX_LISTED).flatMap((x) => {
    const read = item.safeParse(x);
    return read.success ? [read.data as z.infer<T>] : [];
  }));

/** What is needed to tell who wrote what and where is strict; counts and lists are read leniently, one odd value costs only itself. */
const ListenedStatus = Status.extend({
  account: Account.extend({ uri: z.string().nullish().catch(null), followers_count: z.number().int().nonnegative().nullish().catch(null) }),
  mentions: listOf(z.object({ acct: z.string().max(320), url: z.string().nullish() })),
  tags: listOf(z.object({ name: z.string().min(1).max(MAX_TAG_CHARS) })),
  replies_count: Count,
  reblogs_count: Count,
  favourites_count: Count,
});
type ListenedStatus = z.infer<typeof ListenedStatus>;

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

/**
 * One status from `instanceUrl` → a post, or null when it cannot be read, is not public, or lacks a usable uri or date.
 * A boost gives the boosted status.
 */
export function toListeningPost(raw: unknown, instanceUrl: string): ListeningPost | null {
  const outer = ListenedStatus.safeParse(raw);
  if (!outer.success) return null;
  const status = outer.data.reblog ? ListenedStatus.safeParse(outer.data.reblog) : outer;
  if (!status.success || !isPublic(status.data)) return null;
  const s = status.data;
  const uri = webAddress(s.uri) ?? (s.uri.length <= MAX_URL_CHARS && /^[a-z][a-z0-9+.-]*:\S+$/i.test(s.uri) ? s.uri : null);
  if (!uri || s.created_at.length > 40 || Number.isNaN(Date.parse(s.created_at))) return null;
  const host = new URL(instanceUrl).host;
  const html = capChars(s.content, MAX_CONTENT_CHARS);
  const mentions = s.mentions.map((m) => qualified(m.acct, host));
  const hashtags = [...new Set(s.tags.map((t) => t.name.replace(/^#/, '').toLowerCase()))];
  return {
    network: 'mastodon',
    uri,
    url: webAddress(s.url),
    author: toAuthor(s.account, host),
    text: s.spoiler_text ? `${capChars(s.spoiler_text, MAX_NAME_CHARS * 5)}\n\n${htmlToText(html)}` : htmlToText(html),
    createdAt: s.created_at,
    languages: s.language && LANGUAGE.test(s.language) ? [s.language] : [],
    hashtags,
    mentions,
    links: contentLinks(html, s.mentions.flatMap((m) => (m.url ? [m.url] : []))),
    engagement: { likes: s.favourites_count, reposts: s.reblogs_count, replies: s.replies_count },
    repostOf: null,
  };
}

/** Private and direct statuses are never listened to, even if a server lists one. */
const isPublic = (s: ListenedStatus) => s.visibility === 'public' || s.visibility === 'unlisted';

/**
 * The author by their profile address, which every instance gives alike (the local numeric id differs on each);
 * the handle with its domain, the reading instance's for its own accounts.
 */
function toAuthor(a: ListenedStatus['account'], host: string): ListeningAuthor {
  const handle = qualified(a.acct, host);
  const url = webAddress(a.url);
  return {
    id: url ?? webAddress(a.uri) ?? `acct:${handle}`,
    handle,
    displayName: a.display_name ? capChars(a.display_name, MAX_NAME_CHARS) : null,
    avatarUrl: webAddress(a.avatar),
    followers: a.followers_count ?? null,
    url,
  };
}

/** `user` (an account of the reading instance) → `user@instance`; `user@domain` stays; never a leading '@'. */
export function qualified(acct: string, host: string): string {
  const bare = capChars(acct.trim().replace(/^@/, ''), 320);
  return bare.includes('@') ? bare : `${bare}@${host}`;
}
