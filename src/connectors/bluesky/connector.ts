import { AtUri } from '@atproto/api';
import { ConnectorError, explainsFailure, kindForStatus } from '../errors.js';
import { assertPublishable } from '../text.js';
import type {
  AccountInfo, Author, Connector, ConnectorDeps, InboundPage, InboundReadOptions, InboundStreamHandlers, NetworkLimits, OutgoingPost, OwnPost,
  OwnPostsOptions, Page, PostMetrics, PostRef, PublishedPost, TextCount,
} from '../types.js';
import { neverSent, toConnectorError } from './errors.js';
import { streamFirehose } from './firehose.js';
import { putSubjectRecord, removeBlock, unhideReply } from './graph.js';
import { readInboxPage } from './inbound.js';
import { readAccountMetrics, readOwnPosts, readPostMetrics } from './metrics.js';
import { searchRecentPosts } from './network/search.js';
import { BLUESKY_CAPABILITIES, BLUESKY_LIMITS, countBlueskyText } from './limits.js';
import { buildRecord, POST, readPost } from './post.js';
import { rkeyFor } from './rkey.js';
import { CreatedRecord, Threadgate } from './schemas.js';
import type { z } from 'zod';
import { openAgent, type AgentHandle } from './session.js';

const MAX_HIDDEN_REPLIES = 300;
/** Failures after which the record may exist anyway, so it is read back before deciding. */
const MAYBE_WRITTEN = new Set(['transient', 'unknown_outcome', 'rejected', 'gone']);

export class BlueskyConnector implements Connector {
  readonly network = 'bluesky' as const;
  readonly capabilities = BLUESKY_CAPABILITIES;
  private readonly h: AgentHandle;
  private readonly now: () => number;
  private readonly allowPrivateNetworks: boolean;

  constructor(deps: ConnectorDeps) {
    this.h = openAgent(deps.credentials, deps.onCredentialsChanged, deps.fetch);
    this.now = deps.now ?? Date.now;
    this.allowPrivateNetworks = deps.allowPrivateNetworks ?? false;
  }

  private get did() {
    return this.h.creds.did;
  }

  /** Every call: SDK errors become ConnectorErrors, and refreshed credentials are saved before returning. */
  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toConnectorError(err, this.now);
    } finally {
      await this.h.settled();
    }
  }

  async limits(): Promise<NetworkLimits> {
    return BLUESKY_LIMITS;
  }

  async countText(text: string): Promise<TextCount> {
    return countBlueskyText(text);
  }

  account(): Promise<AccountInfo> {
    return this.run(async () => {
      const { data } = await this.h.agent.com.atproto.repo.describeRepo({ repo: this.did });
      return { id: data.did, handle: data.handle, displayName: null, followers: null };
    });
  }

  private toPublished(uri: string, cid: string, text: string, createdAt: string, alreadyExisted: boolean): PublishedPost {
    const at = new AtUri(uri);
    return { ref: { id: uri, cid }, url: `https://bsky.app/profile/${at.host}/post/${at.rkey}`, text, createdAt, alreadyExisted };
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    assertPublishable('bluesky', BLUESKY_LIMITS, post);
    return this.run(async () => {
      const rkey = rkeyFor(post.idempotencyKey);
      const { record, missingParent } = await buildRecord(this.h.agent, post, new Date(this.now()).toISOString());
      if (missingParent) throw new ConnectorError('bluesky', 'gone', 'The post this replies to no longer exists.');
      try {
        const { data } = await this.h.agent.com.atproto.repo.createRecord({ repo: this.did, collection: POST, rkey, record, validate: true });
        const created = CreatedRecord.parse(data);
        return this.toPublished(created.uri, created.cid, String(record.text), String(record.createdAt), false);
      } catch (err) {
        const mapped = toConnectorError(err, this.now);
        if (!MAYBE_WRITTEN.has(mapped.kind) || neverSent(mapped)) throw mapped;
        // The PDS answers a duplicate rkey with a bare 500, and a lost answer says nothing: only a read tells.
        let existing;
        try {
          existing = await this.findExisting(post.idempotencyKey);
        } catch (readErr) {
          throw new ConnectorError('bluesky', 'unknown_outcome', `Bluesky did not confirm the post (${mapped.message}).`, { cause: readErr });
        }
        if (existing) return existing;
        throw refusedCreate(mapped);
      }
    });
  }

  async findExisting(idempotencyKey: string): Promise<PublishedPost | null> {
    return this.getPost({ id: `at://${this.did}/${POST}/${rkeyFor(idempotencyKey)}` });
  }

  getPost(ref: PostRef): Promise<PublishedPost | null> {
    return this.run(async () => {
      const found = await readPost(this.h.agent, ref.id);
      return found && this.toPublished(found.uri, found.cid, found.record.text, found.record.createdAt, true);
    });
  }

  async delete(ref: PostRef): Promise<void> {
    const at = new AtUri(ref.id);
    if (at.host !== this.did) throw new ConnectorError('bluesky', 'forbidden', 'Only the account’s own posts can be deleted.');
    // Deleting a record that is not there succeeds on the PDS.
    return this.run(async () => {
      await this.h.agent.com.atproto.repo.deleteRecord({ repo: this.did, collection: at.collection, rkey: at.rkey });
    });
  }

  /** Hidden replies live in the post's threadgate, whose rkey must equal the post's rkey. */
  async hideComment(post: PostRef, comment: PostRef): Promise<void> {
    const at = new AtUri(post.id);
    if (at.host !== this.did) throw new ConnectorError('bluesky', 'forbidden', 'Replies can be hidden only under the account’s own posts.');
    return this.run(async () => {
      const collection = 'app.bsky.feed.threadgate';
      let gate: z.infer<typeof Threadgate> = { post: post.id, createdAt: new Date(this.now()).toISOString(), hiddenReplies: [] };
      try {
        const { data } = await this.h.agent.com.atproto.repo.getRecord({ repo: this.did, collection, rkey: at.rkey });
        gate = Threadgate.parse(data.value);
      } catch (err) {
        if (toConnectorError(err).kind !== 'gone') throw err;
      }
      const hidden = new Set(gate.hiddenReplies ?? []);
      if (hidden.has(comment.id)) return;
      if (hidden.size >= MAX_HIDDEN_REPLIES) throw new ConnectorError('bluesky', 'rejected', `Bluesky hides at most ${MAX_HIDDEN_REPLIES} replies per post.`);
      const record = { ...gate, $type: collection, hiddenReplies: [...hidden, comment.id] };
      await this.h.agent.com.atproto.repo.putRecord({ repo: this.did, collection, rkey: at.rkey, record });
    });
  }

  /** A block is a public record; its rkey is derived from the blocked DID so blocking twice makes one record. */
  blockAuthor(author: Author): Promise<void> {
    return this.run(async () => {
      const record = { $type: 'app.bsky.graph.block', subject: author.id, createdAt: new Date(this.now()).toISOString() };
      await this.h.agent.com.atproto.repo.putRecord({ repo: this.did, collection: 'app.bsky.graph.block', rkey: rkeyFor(author.id, 'block'), record });
    });
  }

  unblockAuthor(author: Author): Promise<void> {
    return this.run(() => removeBlock(this.h.agent, this.did, author));
  }

  unhideComment(post: PostRef, comment: PostRef): Promise<void> {
    if (new AtUri(post.id).host !== this.did) return Promise.reject(new ConnectorError('bluesky', 'forbidden', 'Replies can be shown again only under the account’s own posts.'));
    return this.run(() => unhideReply(this.h.agent, this.did, post, comment));
  }

  /** A mute is private to the account, kept by the AppView, not a record. */
  muteAuthor(author: Author): Promise<void> {
    return this.run(async () => {
      await this.h.agent.app.bsky.graph.muteActor({ actor: author.id });
    });
  }

  unmuteAuthor(author: Author): Promise<void> {
    return this.run(async () => {
      await this.h.agent.app.bsky.graph.unmuteActor({ actor: author.id });
    });
  }

  like(post: PostRef): Promise<void> {
    return this.run(() => putSubjectRecord(this.h.agent, this.did, 'like', post, new Date(this.now()).toISOString()));
  }

  repost(post: PostRef): Promise<void> {
    return this.run(() => putSubjectRecord(this.h.agent, this.did, 'repost', post, new Date(this.now()).toISOString()));
  }

  readInbox(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    return this.run(() => readInboxPage(this.h.agent, cursor, opts));
  }

  postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    return this.run(() => readPostMetrics(this.h.agent, posts));
  }

  accountMetrics(): Promise<AccountInfo> {
    return this.run(() => readAccountMetrics(this.h.agent, this.did));
  }

  ownPosts(cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
    return this.run(() => readOwnPosts(this.h.agent, this.did, cursor, opts));
  }

  async searchPosts(terms: string[], sinceMs: number) {
    const found = await searchRecentPosts(this.h.agent, terms, sinceMs, { now: this.now });
    return found.status === 'ok' ? { posts: found.posts, complete: found.complete } : { unavailable: `${found.reason}: ${found.error.message}` };
  }

  streamInbox(handlers: InboundStreamHandlers, signal: AbortSignal): Promise<void> {
    const source = { agent: this.h.agent, did: this.did, pdsUrl: this.h.creds.pdsUrl, allowPrivateNetworks: this.allowPrivateNetworks };
    return this.run(() => streamFirehose(source, handlers, signal));
  }
}

/**
 * A create the PDS answered with a server error and that is not there when read back: with a reason in the
 * answer it was refused as sent, so it is not retried; a bare "Internal Server Error" stays transient.
 */
function refusedCreate(err: ConnectorError): ConnectorError {
  if (err.kind !== 'transient' || err.status === undefined) return err;
  if (kindForStatus(err.status, { write: true, explained: explainsFailure(err.message, err.status) }) !== 'rejected') return err;
  return new ConnectorError('bluesky', 'rejected', err.message, { status: err.status, networkCode: err.networkCode, cause: err });
}
