import { z } from 'zod';
import { ConnectorError, isConnectorError, isUnavailableStatus } from '../errors.js';
import { assertPublishable, countWith } from '../text.js';
import type {
  AccountInfo, Author, Comment, Connector, ConnectorDeps, ExistingHint, InboundPage, InboundReadOptions, InboundStreamHandlers,
  NetworkLimits, OutgoingPost, OwnPost, OwnPostsOptions, Page, PostMetrics, PostRef, PublishedPost, TextCount, Visibility,
} from '../types.js';
import { readAccountCounts, readOwnStatuses, readStatusMetrics } from './metrics.js';
import { findExistingStatus } from './find-existing.js';
import { MastodonInbound } from './inbound.js';
import { withMention } from './mention.js';
import { runNotificationStream, STREAM_DEFAULTS, type StreamOptions } from './streaming.js';
import { MastodonHttp } from './http.js';
import { readNewer } from './cursor.js';
import { limitsFromInstance, MASTODON_CAPABILITIES, MASTODON_DEFAULT_LIMITS } from './limits.js';
import { toAuthor, toComment, toPublished } from './mapping.js';
import { uploadMedia } from './media.js';
import { Account, Context, Instance, MastodonCredentials, Notification, Relationship, Report, Status } from './schemas.js';

/** Same key, same status: Mastodon keeps Idempotency-Key for an hour, so retrying within one call is safe. */
const PUBLISH_TRIES = 3;

/** The request may have reached the server and been acted on, but no usable answer came back. */
const LOST = new Set(['no_answer', 'malformed_answer', 'answer_too_large']);
const answerLost = (err: ConnectorError) => err.networkCode !== undefined && LOST.has(err.networkCode);

/**
 * Tried again at once: a request that never left, an answer that was lost, or a server saying it is
 * unavailable for now. A server that answered with its own error is not asked again in the same breath.
 */
const worthRetryingNow = (err: ConnectorError) =>
  err.kind === 'transient' && (answerLost(err) || err.networkCode === 'unreachable' || (err.status !== undefined && isUnavailableStatus(err.status)));

/** The instance's streaming URL (ws: or wss:, as Mastodon gives it) as the http(s) address of its event streams. */
function streamingBase(given: string | null | undefined, instanceUrl: string): string {
  if (!given) return instanceUrl;
  try {
    const url = new URL(given);
    if (url.protocol === 'wss:') url.protocol = 'https:';
    else if (url.protocol === 'ws:') url.protocol = 'http:';
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : instanceUrl;
  } catch {
    return instanceUrl;
  }
}

export class MastodonConnector implements Connector {
  readonly network = 'mastodon' as const;
  readonly capabilities = MASTODON_CAPABILITIES;
  private readonly creds: MastodonCredentials;
  private readonly http: MastodonHttp;
  private readonly inbound: MastodonInbound;
  private readonly fetch: typeof fetch;
  private cachedInstance: z.infer<typeof Instance> | null | undefined;
  /** Tests shorten the streaming timings. */
  streamOptions: StreamOptions = STREAM_DEFAULTS;

  constructor(deps: ConnectorDeps) {
    const parsed = MastodonCredentials.safeParse(deps.credentials);
    if (!parsed.success) throw new ConnectorError('mastodon', 'auth_expired', 'The saved Mastodon credentials are unreadable; reconnect the account.');
    this.creds = parsed.data;
    this.fetch = deps.fetch ?? fetch;
    this.http = new MastodonHttp({ baseUrl: this.creds.instanceUrl, token: this.creds.accessToken, fetch: deps.fetch, now: deps.now, onRateLimit: deps.onRateLimit });
    this.inbound = new MastodonInbound(this.http, this.creds.accountId);
  }

  /** GET /api/v2/instance, once; null on servers without v2 (older Mastodon, some compatible servers). */
  private async instance(): Promise<z.infer<typeof Instance> | null> {
    if (this.cachedInstance === undefined) {
      try {
        this.cachedInstance = (await this.http.call('/api/v2/instance', Instance)).data;
      } catch (err) {
        if (!isConnectorError(err) || err.kind !== 'gone') throw err;
        this.cachedInstance = null;
      }
    }
    return this.cachedInstance;
  }

  async limits(): Promise<NetworkLimits> {
    const instance = await this.instance();
    // Without v2, Mastodon's defaults are the best guess.
    return instance ? limitsFromInstance(instance) : MASTODON_DEFAULT_LIMITS;
  }

  async countText(text: string, contentWarning?: string): Promise<TextCount> {
    return countWith((await this.limits()).text, text, contentWarning);
  }

  async account(): Promise<AccountInfo> {
    const { data } = await this.http.call('/api/v1/accounts/verify_credentials', Account);
    return { ...toAuthor(data), followers: data.followers_count ?? null };
  }

  accountMetrics(): Promise<AccountInfo> {
    return readAccountCounts(this.http);
  }

  async publish(given: OutgoingPost): Promise<PublishedPost> {
    // Mastodon notifies whom a reply names, not whom it answers: the author is named unless the text already does.
    const post = { ...given, text: withMention(given.text, given.replyToAuthor) };
    assertPublishable('mastodon', await this.limits(), post);
    const visibility = await this.replyVisibility(post);
    const mediaIds = [];
    for (const m of post.media ?? []) mediaIds.push(await uploadMedia(this.http, m));
    const body = {
      status: post.text,
      media_ids: mediaIds,
      in_reply_to_id: post.replyTo?.id,
      spoiler_text: post.contentWarning,
      sensitive: post.contentWarning ? true : undefined,
      visibility,
      language: post.languages?.[0],
    };
    let lost = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.http.call('/api/v1/statuses', Status, {
          method: 'POST',
          json: body,
          headers: { 'Idempotency-Key': `ruche:${post.idempotencyKey}` },
        });
        return toPublished(data, lost);
      } catch (err) {
        if (!isConnectorError(err)) throw err;
        lost ||= answerLost(err);
        if (worthRetryingNow(err) && attempt < PUBLISH_TRIES) continue;
        // Once an answer was lost the post may exist, and past the key's hour a retry could post it twice.
        if (!lost) throw err;
        throw new ConnectorError('mastodon', 'unknown_outcome', `Mastodon did not confirm the post (${err.message}).`, { cause: err });
      }
    }
  }

  /** Mastodon cannot look a status up by idempotency key; the account's recent statuses are matched on `hint`. */
  async findExisting(idempotencyKey: string, hint?: ExistingHint): Promise<PublishedPost | null> {
    if (!hint) throw new ConnectorError('mastodon', 'unknown_outcome', `Mastodon cannot find post ${idempotencyKey} by key alone.`);
    const found = await findExistingStatus(this.http, this.creds.accountId, { ...hint, text: withMention(hint.text, hint.replyToAuthor) });
    return found && toPublished(found, true);
  }

  /** A reply to someone keeps a direct conversation direct: answering a private message in public would expose it. */
  private async replyVisibility(post: OutgoingPost): Promise<Visibility> {
    const asked = post.visibility ?? 'public';
    if (!post.replyTo || !post.replyToAuthor || asked === 'direct') return asked;
    const { data } = await this.http.call(`/api/v1/statuses/${encodeURIComponent(post.replyTo.id)}`, Status);
    return data.visibility === 'direct' ? 'direct' : asked;
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    try {
      return toPublished((await this.http.call(`/api/v1/statuses/${ref.id}`, Status)).data, true);
    } catch (err) {
      if (isConnectorError(err) && err.kind === 'gone') return null;
      throw err;
    }
  }

  async delete(ref: PostRef): Promise<void> {
    try {
      await this.http.call(`/api/v1/statuses/${ref.id}`, z.unknown(), { method: 'DELETE' });
    } catch (err) {
      if (!isConnectorError(err) || err.kind !== 'gone') throw err;
    }
  }

  async readComments(post: PostRef): Promise<Comment[]> {
    const { data } = await this.http.call(`/api/v1/statuses/${post.id}/context`, Context);
    return data.descendants.map(toComment);
  }

  readMentions = (cursor?: string) => this.notifications(['mention'], cursor);
  readNotifications = (cursor?: string) => this.notifications(undefined, cursor);

  /** Each notification once across calls, whether or not the server honours since_id (see cursor.ts). */
  private async notifications(types: string[] | undefined, cursor?: string): Promise<Page<Comment>> {
    const page = await readNewer(cursor, async (query) => {
      const { data, headers } = await this.http.call('/api/v1/notifications', z.array(Notification), { query: { ...query, types } });
      return { items: data, headers };
    });
    return { items: page.items.flatMap((n) => (n.status ? [toComment(n.status)] : [])), cursor: page.cursor };
  }

  async reportComment(comment: PostRef, author: Author, reason: string): Promise<void> {
    await this.http.call('/api/v1/reports', Report, {
      method: 'POST',
      json: { account_id: author.id, status_ids: [comment.id], comment: reason.slice(0, 1000), forward: false, category: 'other' },
    });
  }

  async blockAuthor(author: Author): Promise<void> {
    await this.http.call(`/api/v1/accounts/${author.id}/block`, Relationship, { method: 'POST' });
  }

  async muteAuthor(author: Author): Promise<void> {
    await this.http.call(`/api/v1/accounts/${author.id}/mute`, Relationship, { method: 'POST' });
  }

  async unblockAuthor(author: Author): Promise<void> {
    await this.http.call(`/api/v1/accounts/${encodeURIComponent(author.id)}/unblock`, Relationship, { method: 'POST' });
  }

  async unmuteAuthor(author: Author): Promise<void> {
    await this.http.call(`/api/v1/accounts/${encodeURIComponent(author.id)}/unmute`, Relationship, { method: 'POST' });
  }

  /** Favourite; Mastodon answers a second one as the first, so a retry is harmless. */
  async like(post: PostRef): Promise<void> {
    await this.http.call(`/api/v1/statuses/${encodeURIComponent(post.id)}/favourite`, z.unknown(), { method: 'POST' });
  }

  /** Boost; as harmless to repeat as a favourite. */
  async repost(post: PostRef): Promise<void> {
    await this.http.call(`/api/v1/statuses/${encodeURIComponent(post.id)}/reblog`, z.unknown(), { method: 'POST' });
  }

  readInbox(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    return this.inbound.readInbox(cursor, opts);
  }

  readMessages(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    return this.inbound.readMessages(cursor, opts);
  }

  /** Mentions, replies and quotes as they happen; direct messages come with readMessages. */
  async streamInbox(handlers: InboundStreamHandlers, signal: AbortSignal): Promise<void> {
    await runNotificationStream({
      fetch: this.fetch,
      token: this.creds.accessToken,
      base: async () => streamingBase((await this.instance())?.configuration?.urls?.streaming, this.creds.instanceUrl),
      onNotification: async (n) => {
        if (n.type !== 'mention' && n.type !== 'quote') return;
        const item = await this.inbound.notificationItem(n);
        if (item) await handlers.items([item]);
      },
      handlers,
      signal,
      options: this.streamOptions,
    });
  }

  postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    return readStatusMetrics(this.http, posts);
  }

  ownPosts(cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
    return readOwnStatuses(this.http, this.creds.accountId, cursor, opts);
  }
}
