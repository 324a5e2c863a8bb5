import type { ListeningPost } from '../modules/listening/types.js';
/** The shape every network connector implements. Generic code depends on this file only. */

export const CAPABILITIES = [
  'publish', 'delete', 'reply', 'thread', 'media',
  'readComments', 'readMentions', 'readNotifications',
  'hideComment', 'deleteComment', 'reportComment', 'blockAuthor', 'muteAuthor', 'banAuthor',
  'postMetrics', 'accountMetrics', 'search', 'stream',
  // The account's own posts, newest first, with their counts: analytics finds posts not published through Ruche.
  'readOwnPosts',
  // The inbox: replies, mentions and quotes (readInbox), direct messages (readMessages), real time (streamInbox),
  // and the light answers (like, repost).
  'readInbox', 'readMessages', 'streamInbox', 'like', 'repost',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type NetworkId = 'bluesky' | 'mastodon' | 'facebook' | 'instagram' | 'linkedin' | 'x' | 'youtube' | 'pinterest';
export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface TextLimits {
  max: number;
  /** What one unit is: Bluesky counts graphemes; Mastodon counts graphemes too but a URL costs `urlWeight`. */
  unit: 'graphemes';
  /** Fixed cost of any URL, or null when URLs count as written. */
  urlWeight: number | null;
  /** Whether a content warning's text counts against the same limit (Mastodon). */
  contentWarningCounts: boolean;
}

export interface MediaLimits {
  maxCount: number;
  maxBytes: number;
  mimeTypes: readonly string[];
  altText: boolean;
  maxAltLength: number;
  /** Width ÷ height an image must fall within (Instagram's feed: 0.8 to 1.91); absent when any shape goes. */
  ratio?: { min: number; max: number };
  /** Videos, where the network takes them (YouTube takes nothing else). */
  video?: { maxBytes: number; mimeTypes: readonly string[]; maxDurationSec: number };
  /** True when a post must carry media (Instagram, Pinterest, YouTube). */
  required?: boolean;
}

export interface NetworkLimits {
  text: TextLimits;
  media: MediaLimits;
  visibilities: readonly Visibility[];
  contentWarning: boolean;
}

export interface TextCount {
  used: number;
  max: number;
}

/** The network's own reference to a post. `cid` is Bluesky's content hash, needed to reply to it. */
export interface PostRef {
  id: string;
  cid?: string;
}

export interface MediaInput {
  bytes: Uint8Array;
  mimeType: string;
  /** Where the network can fetch the same file itself (Instagram and Pinterest take media by URL): a signed, expiring address on Ruche. */
  publicUrl?: string;
  /** Seconds, for a video. */
  durationSec?: number;
  alt?: string;
  /** As shown (EXIF orientation applied): networks that lay images out before loading them want the ratio. */
  width?: number;
  height?: number;
}

export interface OutgoingPost {
  /** Our post id. The same key never yields two posts on the network. */
  idempotencyKey: string;
  text: string;
  media?: MediaInput[];
  /** BCP-47 tags, e.g. ['fr']. */
  languages?: string[];
  /** A reply or the next post of a thread. */
  replyTo?: PostRef;
  /** The thread's first post, when `replyTo` is not it (Bluesky's reply refs need both). */
  replyRoot?: PostRef;
  /** Whom the reply answers: networks whose replies must name them (Mastodon) add the mention if missing. */
  replyToAuthor?: Author;
  contentWarning?: string;
  visibility?: Visibility;
  /** What only some networks take; each connector reads the fields it knows and ignores the rest. */
  options?: NetworkPostOptions;
}

/** Per-network settings of one post, set in the composer's network tabs. */
export interface NetworkPostOptions {
  /** Instagram: the feed (a single image or a carousel of up to 10), a story (9:16) or a reel (video). */
  format?: 'feed' | 'story' | 'reel';
  /** Facebook, Instagram, LinkedIn, YouTube: a comment the account adds right after publishing (often the link). */
  firstComment?: string;
  /** YouTube's video title, Pinterest's pin title. */
  title?: string;
  /** YouTube: who may watch; with `publishAt` the network itself makes it public at that time. */
  privacy?: 'public' | 'unlisted' | 'private';
  /** YouTube: ISO time the network publishes a private upload. */
  publishAt?: string;
  /** Pinterest: the board the pin goes to (the account's default board otherwise). */
  boardId?: string;
  /** Pinterest's destination link; the link of a Facebook or LinkedIn link post. */
  link?: string;
}

/** What a network that cannot look a post up by key (Mastodon) matches the account's recent posts on. */
export interface ExistingHint {
  text: string;
  replyTo?: PostRef;
  /** The thread's first post, when `replyTo` is not it (Bluesky's reply refs need both). */
  replyRoot?: PostRef;
  /** Whom the reply answers: networks whose replies must name them (Mastodon) add the mention if missing. */
  replyToAuthor?: Author;
  contentWarning?: string;
  mediaCount?: number;
  /** The earliest the post can have been created (ISO): older posts are not read. */
  notBefore?: string;
}

export interface PublishedPost {
  ref: PostRef;
  /** Public web address, when the network has one we can build. */
  url: string | null;
  text: string;
  createdAt: string;
  /** True when the post was found already published (a retry after a lost answer), not created now. */
  alreadyExisted: boolean;
  /**
   * What went wrong after the post itself was out (a first comment the network refused), in the network's words:
   * the post is published and must not be sent again, but the user is told.
   */
  warnings?: string[];
}

export interface Author {
  id: string;
  handle: string;
  displayName: string | null;
}

export interface Comment {
  ref: PostRef;
  author: Author;
  text: string;
  createdAt: string;
  inReplyTo: PostRef | null;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export interface PostMetrics {
  replies: number;
  reposts: number;
  likes: number;
  /** Null where the network does not count them. */
  quotes: number | null;
  views: number | null;
  /**
   * Viewing figures where the network measures them (YouTube Analytics): absent where it does not, null when it
   * has them but they could not be read (see `missing`) or are not out yet.
   */
  watchMinutes?: number | null;
  averageViewSeconds?: number | null;
  shares?: number | null;
  /** Followers (subscribers) the post brought. */
  followersGained?: number | null;
  /** Why figures the network has are null here (a permission not granted, a quota used up), in its words. */
  missing?: string;
  missingWhy?: WatchMissingWhy;
}

/** The kind of reason viewing figures are missing, for the interface to say in the user's language. */
export type WatchMissingWhy = 'permission' | 'quota' | 'not_yet' | 'unavailable';

export interface AccountInfo extends Author {
  followers: number | null;
  /** Filled by accountMetrics; null (or absent) when the network does not say. */
  following?: number | null;
  posts?: number | null;
  /** Minutes watched and followers gained since the account began, where the network measures them (YouTube). */
  watchMinutes?: number | null;
  followersGained?: number | null;
  /** Why figures the network has are null here, in its words. */
  missing?: string;
  missingWhy?: WatchMissingWhy;
}

/**
 * Where the network stands with a post it works on after accepting it (YouTube transcodes and reviews an
 * upload): `failed` and `rejected` mean the post will never be seen, `reason` being the network's own code.
 */
export interface NetworkProcessing {
  state: 'processing' | 'succeeded' | 'failed' | 'rejected';
  reason: string | null;
  /** What happened, in the network's words (its documentation's, where the API gives only a code). */
  message: string | null;
}

/** One of the account's own posts (not a reply, not a repost), with its counts as read now. Network content. */
export interface OwnPost {
  ref: PostRef;
  url: string | null;
  text: string;
  /** ISO. */
  createdAt: string;
  /** The first image's thumbnail, when the post has one. */
  imageUrl: string | null;
  metrics: PostMetrics;
}

export interface OwnPostsOptions {
  /** Page size asked of the network (it may give fewer). */
  limit: number;
  /** ISO: the listing stops at posts older than this (the page that reaches it comes back with a null cursor). */
  since?: string;
}

/** Someone who wrote to or about an account, with what the network tells of them. */
export interface InboundAuthor extends Author {
  avatarUrl: string | null;
  followers: number | null;
  /** When their account was created (ISO), when the network says. */
  createdAt: string | null;
}

/** A post above an inbound item in its thread, oldest first. */
export interface ThreadContextEntry {
  ref: PostRef;
  authorHandle: string;
  text: string;
  createdAt: string;
  /** Where the post is on the network, when known (Meta gives the brand's post's permalink). */
  url?: string | null;
  /** A thumbnail of its first image (or a video's cover), when the network gives one. */
  imageUrl?: string | null;
}

export type InboundKind = 'reply' | 'mention' | 'quote' | 'message';

/** A reply, mention, quote or direct message addressed to the account. Network content: hostile, never trusted. */
export interface InboundItem {
  kind: InboundKind;
  /** The network's own id: the inbox de-duplicates on it. */
  ref: PostRef;
  author: InboundAuthor;
  text: string;
  /** ISO. */
  createdAt: string;
  url: string | null;
  /** The post it answers, and its thread's first post (both null for a mention or a message that starts a thread). */
  parent: PostRef | null;
  root: PostRef | null;
  /** For messages: the network's conversation id, which groups them into one thread. */
  conversationId: string | null;
  /** The post it quotes, for a quote. */
  quoted: PostRef | null;
  languages: string[];
  context: ThreadContextEntry[];
}

/** Likes, reposts and follows are counted, not listed: each with the network's id so it is counted once. */
export interface InboundCounterEvent {
  kind: 'like' | 'repost' | 'follow';
  id: string;
  createdAt: string;
}

/**
 * One page of an inbound walk. The connector's cursor is opaque and holds the whole walk's state (where the walk
 * is, and where the previous walk stopped), so a walk interrupted half-way resumes from the last stored page.
 * Polls re-read the newest page each time (items indexed late are still found); the store de-duplicates.
 */
export interface InboundPage {
  items: InboundItem[];
  counters: InboundCounterEvent[];
  cursor: string;
  /** True while this walk has older pages to read; false when it reached where the previous one stopped. */
  more: boolean;
  /** The oldest creation time (ISO) this walk reached, for a backfill's progress. */
  reachedBack: string | null;
}

export interface InboundReadOptions {
  /** On the first walk (no cursor): how far back to read (ISO), e.g. 7 days ago. */
  since: string;
}

/** What a live subscription delivers; `items` resolves once they are stored, so the stream may move on. */
export interface InboundStreamHandlers {
  items(items: InboundItem[]): Promise<void>;
  /** The subscription is up: how it is fed ('firehose' for a relay or PDS firehose, 'streaming' for a streaming API). */
  live?(mode: 'firehose' | 'streaming'): void | Promise<void>;
  /** The subscription ended or failed; polling goes on meanwhile. */
  error?(err: unknown): void;
  /** Where a previous run stopped (a position it gave): a stream the network lets resume starts from there. */
  resumeFrom?: string | null;
  /** Everything before this opaque position was handed to `items`; kept, it is where the next run resumes. Now and then, not per event. */
  position?(cursor: string): Promise<void>;
}

/**
 * How fast posts may go out on a network, from its documented write budget: a burst is sent as fast as this
 * allows and paced beyond it, the wait shown on the post, so that the network never answers "rate limited".
 */
export interface PublishPacing {
  /** Posts in flight at once for one account. */
  concurrency: number;
  /**
   * At most `max` posts (each part of a thread counts) or media uploads per `windowMs`, for one account or for the
   * installer's app across all its accounts.
   */
  budgets: ReadonlyArray<{ scope: 'account' | 'app'; windowMs: number; max: number; counts?: 'posts' | 'media'; source: string }>;
}

/** Credentials are opaque JSON to the caller, who stores them encrypted. Each connector validates its own. */
export type Credentials = { network: NetworkId } & { [key: string]: unknown };

export interface ConnectorDeps {
  credentials: unknown;
  /**
   * Called (and awaited before the triggering call returns) whenever the connector replaced its credentials,
   * e.g. a Bluesky session refresh. The old ones may already be revoked: store these before anything else.
   */
  onCredentialsChanged?: (credentials: Credentials) => void | Promise<void>;
  /** For tests and proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * For live sockets (a firehose, a streaming API), which do not go through `fetch`: whether they may open to
   * private addresses, as ALLOW_PRIVATE_NETWORKS says. Off by default: only public addresses.
   */
  allowPrivateNetworks?: boolean;
  /** Time source for rate-limit resets. */
  now?: () => number;
  /**
   * Told what the network's rate-limit headers say after each call (Mastodon's X-RateLimit-*), so that a burst
   * stops before the network refuses it rather than after.
   */
  onRateLimit?: (state: { remaining: number; limit: number | null; resetAt: number }) => void;
}

export interface Connector {
  readonly network: NetworkId;
  readonly capabilities: ReadonlySet<Capability>;
  /** The account's limits; Mastodon reads its instance's configuration, hence async. */
  limits(): Promise<NetworkLimits>;
  countText(text: string, contentWarning?: string): Promise<TextCount>;
  account(): Promise<AccountInfo>;

  publish(post: OutgoingPost): Promise<PublishedPost>;
  /**
   * The post published under this key, or null if there is none. Networks that cannot look a post up by key
   * (Mastodon) match the account's recent posts on `hint`, and throw `unknown_outcome` without one or when
   * they cannot read back far enough to be sure.
   */
  findExisting(idempotencyKey: string, hint?: ExistingHint): Promise<PublishedPost | null>;
  getPost(ref: PostRef): Promise<PublishedPost | null>;
  /** Deleting a post that is already gone succeeds. */
  delete(ref: PostRef): Promise<void>;
  /** For networks that process a post after accepting it: where that stands; null when the post is gone. */
  processing?(ref: PostRef): Promise<NetworkProcessing | null>;

  readComments?(post: PostRef): Promise<Comment[]>;
  readMentions?(cursor?: string): Promise<Page<Comment>>;
  readNotifications?(cursor?: string): Promise<Page<Comment>>;
  hideComment?(post: PostRef, comment: PostRef): Promise<void>;
  deleteComment?(comment: PostRef): Promise<void>;
  reportComment?(comment: PostRef, author: Author, reason: string): Promise<void>;
  blockAuthor?(author: Author): Promise<void>;
  muteAuthor?(author: Author): Promise<void>;
  banAuthor?(author: Author): Promise<void>;
  /** Counts of several posts, aligned with `posts`: null for a post the network says is gone. */
  postMetrics?(posts: PostRef[]): Promise<(PostMetrics | null)[]>;
  /** The account with its followers, following and posts counts. */
  accountMetrics?(): Promise<AccountInfo>;
  /** The account's own posts, newest first; `cursor` null starts from the newest, a null cursor back means the end. */
  ownPosts?(cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>>;

  readInbox?(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage>;
  readMessages?(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage>;
  /** Runs until `signal` aborts (or rejects when the subscription fails); tells `handlers.live` how it is fed once it is up. */
  streamInbox?(handlers: InboundStreamHandlers, signal: AbortSignal): Promise<void>;
  like?(post: PostRef): Promise<void>;
  repost?(post: PostRef): Promise<void>;
  /**
   * The account's own posts that inbound items answer, as context entries keyed by post id, read in one call for
   * all: for items that arrive without them (Meta's webhooks name the post but do not carry it). A post gone or
   * unreadable is left out.
   */
  ownPostContext?(posts: PostRef[]): Promise<Map<string, ThreadContextEntry>>;
  /**
   * Public posts since `sinceMs` with any of `terms`, for a new listening topic's last days: kept for searches
   * people ask for, never for sync (streams are for that). `unavailable` when the server closes search.
   */
  searchPosts?(terms: string[], sinceMs: number): Promise<{ posts: ListeningPost[]; complete: boolean } | { unavailable: string }>;
  // Undo, where the network allows it: each exists only beside the action it undoes.
  unhideComment?(post: PostRef, comment: PostRef): Promise<void>;
  unblockAuthor?(author: Author): Promise<void>;
  unmuteAuthor?(author: Author): Promise<void>;
}
