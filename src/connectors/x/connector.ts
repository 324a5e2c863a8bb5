/**
 * X through API v2 with an OAuth 2 user token. X has no idempotency key: a post whose answer was lost is looked up
 * among the account's recent posts before anything is sent again, and X's own "duplicate content" refusal of a
 * retry is answered with the post already there.
 */
import { ConnectorError } from '../errors.js';
import { assertPublishable } from '../text.js';
import type {
  AccountInfo, Author, Capability, Comment, Connector, ConnectorDeps, ExistingHint, NetworkLimits, OutgoingPost,
  OwnPost, OwnPostsOptions, Page, PostMetrics, PostRef, PublishedPost, TextCount,
} from '../types.js';
import { countXText } from './count.js';
import { DUPLICATE } from './errors.js';
import { XApi, XUnanswered } from './http.js';
import { X_CAPABILITIES, X_LIMITS } from './limits.js';
import { uploadXMedia } from './media.js';
import {
  repliedTo, toComment, toMetrics, toPublished, TWEET_FIELDS, tweetTime, tweetUrl, writtenText, type XList, type XTweet, type XUser,
} from './tweets.js';

// How far back a lost post is looked for when the caller does not say when it was first sent.
const LOOKBACK_MS = 24 * 3600_000;
const ORGANIC_DAYS_MS = 30 * 24 * 3600_000;

export class XConnector implements Connector {
  readonly network = 'x' as const;
  readonly capabilities: ReadonlySet<Capability> = X_CAPABILITIES;
  private readonly api: XApi;

  constructor(deps: ConnectorDeps) {
    this.api = new XApi(deps);
  }

  private get me() {
    return this.api.creds;
  }

  async limits(): Promise<NetworkLimits> {
    return X_LIMITS;
  }

  async countText(text: string): Promise<TextCount> {
    return countXText(text);
  }

  async account(): Promise<AccountInfo> {
    return this.accountMetrics();
  }

  async accountMetrics(): Promise<AccountInfo> {
    const { data } = await this.api.call<{ data: XUser }>('/2/users/me', { query: { 'user.fields': 'public_metrics' } });
    const m = data.public_metrics ?? {};
    return {
      id: data.id, handle: data.username, displayName: data.name ?? null,
      followers: m.followers_count ?? null, following: m.following_count ?? null, posts: m.tweet_count ?? null,
    };
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    const { used, max } = countXText(post.text);
    if (used > max) throw new ConnectorError('x', 'rejected', `The text weighs ${used} on X, which allows ${max} (URLs weigh 23, CJK characters and emoji 2).`);
    assertPublishable('x', { ...X_LIMITS, text: { ...X_LIMITS.text, max: Number.MAX_SAFE_INTEGER } }, post);
    const media = post.media ?? [];
    const videos = media.filter((m) => m.mimeType.startsWith('video/') || m.mimeType === 'image/gif');
    if (videos.length > 0 && media.length > 1) throw new ConnectorError('x', 'rejected', 'X takes one video or GIF per post, alone.');
    const startedAt = this.api.now();
    const mediaIds: string[] = [];
    for (const m of media) mediaIds.push(await this.unanswered(() => uploadXMedia(this.api, m)));
    const body: Record<string, unknown> = { text: post.text };
    if (post.replyTo) body.reply = { in_reply_to_tweet_id: post.replyTo.id };
    if (mediaIds.length) body.media = { media_ids: mediaIds };
    const hint: ExistingHint = { text: post.text, replyTo: post.replyTo, mediaCount: media.length, notBefore: new Date(startedAt - LOOKBACK_MS).toISOString() };
    try {
      const { data } = await this.api.call<{ data: XTweet }>('/2/tweets', { method: 'POST', json: body });
      return { ...toPublished(data, this.me.username, false), text: post.text, createdAt: new Date(tweetTime(data.id) || startedAt).toISOString() };
    } catch (err) {
      if (err instanceof XUnanswered) {
        const found = await this.findExisting(post.idempotencyKey, { ...hint, notBefore: new Date(startedAt - 60_000).toISOString() }).catch(() => null);
        if (found) return found;
        throw new ConnectorError('x', 'unknown_outcome', 'X did not answer: the post may or may not be published. It is looked up before any new attempt.', { cause: err });
      }
      if (err instanceof ConnectorError && err.networkCode === DUPLICATE) {
        const found = await this.findExisting(post.idempotencyKey, hint);
        if (found) return found;
      }
      throw err;
    }
  }

  /** X keeps no key: the account's posts since `hint.notBefore` (a day back otherwise) are matched on text, reply and media count. */
  async findExisting(_key: string, hint?: ExistingHint): Promise<PublishedPost | null> {
    if (!hint) throw new ConnectorError('x', 'unknown_outcome', 'X cannot look a post up without its text.');
    const since = hint.notBefore ? Date.parse(hint.notBefore) : this.api.now() - LOOKBACK_MS;
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await this.unanswered(() => this.api.call<XList>(`/2/users/${this.me.userId}/tweets`, {
        query: { max_results: 100, 'tweet.fields': TWEET_FIELDS, start_time: new Date(since).toISOString(), pagination_token: token },
      }));
      const match = (res.data ?? []).find((t) => writtenText(t) === hint.text && (repliedTo(t) ?? null) === (hint.replyTo?.id ?? null)
        && (hint.mediaCount === undefined || (t.attachments?.media_keys?.length ?? 0) === hint.mediaCount));
      if (match) return toPublished(match, this.me.username, true);
      token = res.meta?.next_token;
      if (!token) return null;
    }
    throw new ConnectorError('x', 'unknown_outcome', 'Too many posts on X to be sure whether this one was published.');
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    const res = await this.unanswered(() => this.api.call<{ data?: XTweet }>(`/2/tweets/${encodeURIComponent(ref.id)}`, { query: { 'tweet.fields': TWEET_FIELDS } }));
    return res.data ? toPublished(res.data, this.me.username, true) : null;
  }

  async delete(ref: PostRef): Promise<void> {
    try {
      await this.unanswered(() => this.api.call(`/2/tweets/${encodeURIComponent(ref.id)}`, { method: 'DELETE' }));
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'gone') return;
      throw err;
    }
  }

  /** Replies are found by conversation in recent search, which reaches 7 days back. */
  async readComments(post: PostRef): Promise<Comment[]> {
    const res = await this.search(`conversation_id:${post.id}`);
    return (res.data ?? []).map((t) => toComment(t, res.includes?.users)).reverse();
  }

  /** `cursor` is the newest mention already read (since_id). */
  async readMentions(cursor?: string): Promise<Page<Comment>> {
    const items: Comment[] = [];
    let newest = cursor ?? null;
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await this.unanswered(() => this.api.call<XList>(`/2/users/${this.me.userId}/mentions`, {
        query: { max_results: 100, since_id: cursor, pagination_token: token, 'tweet.fields': TWEET_FIELDS, expansions: 'author_id', 'user.fields': 'username,name' },
      }));
      if (page === 0 && res.meta?.newest_id) newest = res.meta.newest_id;
      items.push(...(res.data ?? []).map((t) => toComment(t, res.includes?.users)));
      token = res.meta?.next_token;
      if (!token) break;
    }
    return { items, cursor: newest };
  }

  async hideComment(_post: PostRef, comment: PostRef): Promise<void> {
    await this.unanswered(() => this.api.call(`/2/tweets/${encodeURIComponent(comment.id)}/hidden`, { method: 'PUT', json: { hidden: true } }));
  }

  async unhideComment(_post: PostRef, comment: PostRef): Promise<void> {
    await this.unanswered(() => this.api.call(`/2/tweets/${encodeURIComponent(comment.id)}/hidden`, { method: 'PUT', json: { hidden: false } }));
  }

  async muteAuthor(author: Author): Promise<void> {
    await this.unanswered(() => this.api.call(`/2/users/${this.me.userId}/muting`, { method: 'POST', json: { target_user_id: author.id } }));
  }

  async unmuteAuthor(author: Author): Promise<void> {
    await this.unanswered(() => this.api.call(`/2/users/${this.me.userId}/muting/${encodeURIComponent(author.id)}`, { method: 'DELETE' }));
  }

  async like(post: PostRef): Promise<void> {
    await this.unanswered(() => this.api.call(`/2/users/${this.me.userId}/likes`, { method: 'POST', json: { tweet_id: post.id } }));
  }

  async repost(post: PostRef): Promise<void> {
    await this.unanswered(() => this.api.call(`/2/users/${this.me.userId}/retweets`, { method: 'POST', json: { tweet_id: post.id } }));
  }

  /** Public counts for all; organic counts (impressions among them) for the account's own posts of the last 30 days. */
  async postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    const out: (PostMetrics | null)[] = [];
    for (let i = 0; i < posts.length; i += 100) {
      const chunk = posts.slice(i, i + 100);
      const recent = chunk.every((p) => this.api.now() - tweetTime(p.id) < ORGANIC_DAYS_MS);
      const res = await this.unanswered(() => this.api.call<XList>('/2/tweets', {
        query: { ids: chunk.map((p) => p.id).join(','), 'tweet.fields': recent ? `${TWEET_FIELDS},organic_metrics` : TWEET_FIELDS },
      }));
      const byId = new Map((res.data ?? []).map((t) => [t.id, t]));
      for (const p of chunk) {
        const t = byId.get(p.id);
        out.push(t ? toMetrics(t) : null);
      }
    }
    return out;
  }

  async ownPosts(cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
    if (opts.since && Date.parse(opts.since) > this.api.now()) return { items: [], cursor: null };
    const res = await this.unanswered(() => this.api.call<XList>(`/2/users/${this.me.userId}/tweets`, {
      query: {
        max_results: Math.min(100, Math.max(5, opts.limit)), exclude: 'replies,retweets', pagination_token: cursor ?? undefined,
        start_time: opts.since, 'tweet.fields': TWEET_FIELDS,
      },
    }));
    const items = (res.data ?? []).map((t): OwnPost => ({
      ref: { id: t.id }, url: tweetUrl(this.me.username, t.id), text: writtenText(t),
      createdAt: t.created_at ?? new Date(tweetTime(t.id)).toISOString(), imageUrl: null, metrics: toMetrics(t),
    }));
    return { items, cursor: res.meta?.next_token ?? null };
  }

  private async search(query: string): Promise<XList> {
    return this.unanswered(() => this.api.call<XList>('/2/tweets/search/recent', {
      query: { query, max_results: 100, 'tweet.fields': TWEET_FIELDS, expansions: 'author_id', 'user.fields': 'username,name' },
    }));
  }

  /** Reads and undoable actions: a lost answer is passing trouble, tried again later. */
  private async unanswered<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof XUnanswered) throw new ConnectorError('x', 'transient', err.message, { networkCode: 'no_answer', cause: err });
      throw err;
    }
  }
}
