import { z } from 'zod';
import { ConnectorError, isConnectorError, isUnavailableStatus } from '../errors.js';
import { assertPublishable, countWith } from '../text.js';
import type {
  AccountInfo, Author, Comment, Connector, ConnectorDeps, ExistingHint, NetworkLimits, OutgoingPost, Page, PostMetrics,
  PostRef, PublishedPost, TextCount,
} from '../types.js';
import { findExistingStatus } from './find-existing.js';
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

export class MastodonConnector implements Connector {
  readonly network = 'mastodon' as const;
  readonly capabilities = MASTODON_CAPABILITIES;
  private readonly creds: MastodonCredentials;
  private readonly http: MastodonHttp;
  private cachedLimits: NetworkLimits | undefined;

  constructor(deps: ConnectorDeps) {
    const parsed = MastodonCredentials.safeParse(deps.credentials);
    if (!parsed.success) throw new ConnectorError('mastodon', 'auth_expired', 'The saved Mastodon credentials are unreadable; reconnect the account.');
    this.creds = parsed.data;
    this.http = new MastodonHttp({ baseUrl: this.creds.instanceUrl, token: this.creds.accessToken, fetch: deps.fetch, now: deps.now });
  }

  async limits(): Promise<NetworkLimits> {
    if (!this.cachedLimits) {
      try {
        this.cachedLimits = limitsFromInstance((await this.http.call('/api/v2/instance', Instance)).data);
      } catch (err) {
        // Servers without v2 (older Mastodon, some compatible servers): Mastodon's defaults are the best guess.
        if (!isConnectorError(err) || err.kind !== 'gone') throw err;
        this.cachedLimits = MASTODON_DEFAULT_LIMITS;
      }
    }
    return this.cachedLimits;
  }

  async countText(text: string, contentWarning?: string): Promise<TextCount> {
    return countWith((await this.limits()).text, text, contentWarning);
  }

  async account(): Promise<AccountInfo> {
    const { data } = await this.http.call('/api/v1/accounts/verify_credentials', Account);
    return { ...toAuthor(data), followers: data.followers_count ?? null };
  }

  accountMetrics = () => this.account();

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    assertPublishable('mastodon', await this.limits(), post);
    const mediaIds = [];
    for (const m of post.media ?? []) mediaIds.push(await uploadMedia(this.http, m));
    const body = {
      status: post.text,
      media_ids: mediaIds,
      in_reply_to_id: post.replyTo?.id,
      spoiler_text: post.contentWarning,
      sensitive: post.contentWarning ? true : undefined,
      visibility: post.visibility ?? 'public',
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
    const found = await findExistingStatus(this.http, this.creds.accountId, hint);
    return found && toPublished(found, true);
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

  async postMetrics(post: PostRef): Promise<PostMetrics> {
    const { data } = await this.http.call(`/api/v1/statuses/${post.id}`, Status);
    return { replies: data.replies_count, reposts: data.reblogs_count, likes: data.favourites_count, quotes: data.quotes_count ?? null };
  }
}
