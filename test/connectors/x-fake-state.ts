/**
 * The data behind the X fake (x-fake.ts): users, Tweets with snowflake ids, media uploads and their processing,
 * likes, retweets, mutes and hidden replies, rendered as X API v2 renders them (t.co links with `entities.urls`,
 * `public_metrics`, `organic_metrics` for the author's own Tweets of the last 30 days).
 */
export interface FakeXUser {
  id: string;
  username: string;
  name: string;
  followers: number;
  following: number;
}

export interface FakeTweet {
  id: string;
  authorId: string;
  text: string;
  createdAt: number;
  inReplyTo: string | null;
  conversationId: string;
  mediaIds: string[];
  deleted: boolean;
  hidden: boolean;
  likes: Set<string>;
  retweets: Set<string>;
  impressions: number;
}

export interface FakeMedia {
  id: string;
  ownerId: string;
  type: string;
  totalBytes: number;
  received: number;
  finalized: boolean;
  /** STATUS answers left before `succeeded`. */
  pollsLeft: number;
  alt: string | null;
}

const X_EPOCH = 1288834974657n;
const URL_RE = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

export class FakeXState {
  users = new Map<string, FakeXUser>();
  tweets: FakeTweet[] = [];
  media = new Map<string, FakeMedia>();
  mutes = new Set<string>();
  private seq = 0;

  /** A snowflake: creation time in the high bits, as X's ids. */
  newId(at = Date.now()): string {
    return ((BigInt(at) - X_EPOCH) << 22n | BigInt(++this.seq % 4096)).toString();
  }

  createUser(username: string): FakeXUser {
    const u = { id: this.newId(), username, name: username.replace(/^\w/, (c) => c.toUpperCase()), followers: 3, following: 2 };
    this.users.set(u.id, u);
    return u;
  }

  byUsername(username: string): FakeXUser | undefined {
    return [...this.users.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
  }

  post(authorId: string, text: string, inReplyTo: string | null = null, mediaIds: string[] = [], at = Date.now()): FakeTweet {
    const parent = inReplyTo ? this.live(inReplyTo) : undefined;
    const id = this.newId(at);
    const t: FakeTweet = {
      id, authorId, text, createdAt: at, inReplyTo, conversationId: parent?.conversationId ?? id, mediaIds, deleted: false,
      hidden: false, likes: new Set(), retweets: new Set(), impressions: 0,
    };
    this.tweets.push(t);
    return t;
  }

  live(id: string): FakeTweet | undefined {
    return this.tweets.find((t) => t.id === id && !t.deleted);
  }

  mentions(t: FakeTweet): string[] {
    return [...t.text.matchAll(/(?:^|[^\w@])@(\w{1,15})/g)].map((m) => m[1]);
  }

  render(t: FakeTweet, fields: Set<string>, viewerId: string): Record<string, unknown> {
    // X shortens every link to a 23-character t.co address and says what was written in entities.urls.
    let text = '';
    let last = 0;
    const urls: Record<string, unknown>[] = [];
    const cps = (s: string) => [...s].length;
    for (const m of t.text.matchAll(URL_RE)) {
      text += t.text.slice(last, m.index);
      const short = `https://t.co/${Buffer.from(m[0]).toString('base64url').slice(0, 10)}`;
      urls.push({ start: cps(text), end: cps(text) + cps(short), url: short, expanded_url: m[0], display_url: m[0].replace(/^https?:\/\//, '') });
      text += short;
      last = m.index + m[0].length;
    }
    text += t.text.slice(last);
    const out: Record<string, unknown> = { id: t.id, text, edit_history_tweet_ids: [t.id] };
    if (fields.has('created_at')) out.created_at = new Date(t.createdAt).toISOString();
    if (fields.has('author_id')) out.author_id = t.authorId;
    if (fields.has('conversation_id')) out.conversation_id = t.conversationId;
    if (fields.has('referenced_tweets') && t.inReplyTo) out.referenced_tweets = [{ type: 'replied_to', id: t.inReplyTo }];
    if (fields.has('attachments') && t.mediaIds.length) out.attachments = { media_keys: t.mediaIds.map((id) => `3_${id}`) };
    if (fields.has('entities')) {
      const entities: Record<string, unknown> = {};
      if (urls.length) entities.urls = urls;
      const mentions = this.mentions(t);
      if (mentions.length) entities.mentions = mentions.map((username) => ({ username, id: this.byUsername(username)?.id }));
      const tags = [...t.text.matchAll(/(?:^|\s)#(\w+)/g)].map((m) => ({ tag: m[1] }));
      if (tags.length) entities.hashtags = tags;
      if (Object.keys(entities).length) out.entities = entities;
    }
    const replies = this.tweets.filter((r) => !r.deleted && r.inReplyTo === t.id).length;
    if (fields.has('public_metrics')) {
      out.public_metrics = { retweet_count: t.retweets.size, reply_count: replies, like_count: t.likes.size, quote_count: 0, bookmark_count: 0, impression_count: t.impressions };
    }
    if (fields.has('organic_metrics') && t.authorId === viewerId) {
      out.organic_metrics = { impression_count: t.impressions, like_count: t.likes.size, reply_count: replies, retweet_count: t.retweets.size, user_profile_clicks: 0 };
    }
    return out;
  }

  renderUser(u: FakeXUser, fields: Set<string>): Record<string, unknown> {
    const out: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
    if (fields.has('public_metrics')) {
      const tweets = this.tweets.filter((t) => t.authorId === u.id && !t.deleted).length;
      out.public_metrics = { followers_count: u.followers, following_count: u.following, tweet_count: tweets, listed_count: 0, like_count: 0 };
    }
    return out;
  }
}
