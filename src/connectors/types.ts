/** The shape every network connector implements. Generic code depends on this file only. */

export const CAPABILITIES = [
  'publish', 'delete', 'reply', 'thread', 'media',
  'readComments', 'readMentions', 'readNotifications',
  'hideComment', 'deleteComment', 'reportComment', 'blockAuthor', 'muteAuthor', 'banAuthor',
  'postMetrics', 'accountMetrics', 'search', 'stream',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type NetworkId = 'bluesky' | 'mastodon';
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
  contentWarning?: string;
  visibility?: Visibility;
}

/** What a network that cannot look a post up by key (Mastodon) matches the account's recent posts on. */
export interface ExistingHint {
  text: string;
  replyTo?: PostRef;
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
  quotes: number | null;
}

export interface AccountInfo extends Author {
  followers: number | null;
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
  /** Time source for rate-limit resets. */
  now?: () => number;
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

  readComments?(post: PostRef): Promise<Comment[]>;
  readMentions?(cursor?: string): Promise<Page<Comment>>;
  readNotifications?(cursor?: string): Promise<Page<Comment>>;
  hideComment?(post: PostRef, comment: PostRef): Promise<void>;
  deleteComment?(comment: PostRef): Promise<void>;
  reportComment?(comment: PostRef, author: Author, reason: string): Promise<void>;
  blockAuthor?(author: Author): Promise<void>;
  muteAuthor?(author: Author): Promise<void>;
  banAuthor?(author: Author): Promise<void>;
  postMetrics?(post: PostRef): Promise<PostMetrics>;
  accountMetrics?(): Promise<AccountInfo>;
}
