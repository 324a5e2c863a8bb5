/**
 * A Facebook Page on the Graph API (v24.0): posts on /{page-id}/feed with photos attached from /{page-id}/photos,
 * replies and first comments on /{object-id}/comments, moderation of comments, Page blocking, insights with the
 * metric names current since 2025 (`post_media_view`, `page_follows`). The Graph has no idempotency key, so a
 * publish whose answer was lost is looked up on the Page's recent posts (text and time) before any new attempt.
 */
import { ConnectorError, ignoreGone, nullIfGone } from '../errors.js';
import { Graph } from '../meta/graph.js';
import { metaCredentials, type MetaCredentials } from '../meta/credentials.js';
import { graphItem, readSince, sincePage } from '../meta/inbox.js';
import { PublishedKeys } from '../meta/published-keys.js';
import { assertPublishable, countWith } from '../text.js';
import type {
  AccountInfo, Author, Comment, Connector, ConnectorDeps, ExistingHint, InboundItem, InboundPage, InboundReadOptions,
  OutgoingPost, OwnPost, OwnPostsOptions, Page, PostMetrics, PostRef, PublishedPost, ThreadContextEntry,
} from '../types.js';
import { FB_POST_CONTEXT_FIELDS, fbPostContext, readOwnPosts, type FbPostFields } from '../meta/own-posts.js';
import { FACEBOOK_CAPABILITIES, FACEBOOK_LIMITS } from './limits.js';
import { COMMENT_FIELDS, COUNT_FIELDS, POST_FIELDS, comment, counts, inboundComment, isoTime, published, type FbComment, type FbPost } from './map.js';

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const FIND_PAGES = 4;

export class FacebookConnector implements Connector {
  readonly network = 'facebook' as const;
  readonly capabilities = FACEBOOK_CAPABILITIES;
  private readonly creds: MetaCredentials;
  private readonly graph: Graph;
  /** Keys whose publish answer was lost: the next attempt looks the post up first. */
  private readonly uncertain = new Map<string, string>();
  private readonly done = new PublishedKeys();
  private readonly now: () => number;

  constructor(deps: ConnectorDeps) {
    this.creds = metaCredentials('facebook', deps.credentials);
    this.now = deps.now ?? Date.now;
    this.graph = new Graph('facebook', this.creds.apiBase, this.creds.accessToken, deps.fetch ?? fetch, this.now);
  }

  async limits() {
    return FACEBOOK_LIMITS;
  }

  async countText(text: string) {
    return countWith(FACEBOOK_LIMITS.text, text);
  }

  async account(): Promise<AccountInfo> {
    const p = await this.graph.get<{ id: string; name: string; username?: string; followers_count?: number }>(this.creds.pageId, { fields: 'id,name,username,followers_count' });
    return { id: p.id, handle: p.username ?? p.id, displayName: p.name, followers: p.followers_count ?? null };
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    assertPublishable('facebook', FACEBOOK_LIMITS, post);
    const known = this.done.get(post.idempotencyKey);
    if (known) return known;
    const startedAt = this.uncertain.get(post.idempotencyKey);
    if (startedAt) {
      const found = await this.findExisting(post.idempotencyKey, { text: post.text, replyTo: post.replyTo, notBefore: startedAt });
      if (found) return this.done.remember(post.idempotencyKey, found);
    }
    const notBefore = new Date(this.now() - 60_000).toISOString();
    try {
      const id = post.replyTo ? await this.comment(post) : await this.feedPost(post);
      this.uncertain.delete(post.idempotencyKey);
      const created = await this.graph.get<FbPost>(id, { fields: POST_FIELDS }).catch(() => null);
      const result: PublishedPost = created ? published(created, false) : { ref: { id }, url: null, text: post.text, createdAt: new Date(this.now()).toISOString(), alreadyExisted: false };
      if (post.options?.firstComment && !post.replyTo) {
        // The post is out: a refused first comment must not make the job publish it again, but it is told.
        const warning = await firstComment(this.graph, id, post.options.firstComment, 'Facebook');
        if (warning) result.warnings = [warning];
      }
      return this.done.remember(post.idempotencyKey, result);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind !== 'unknown_outcome') throw err;
      this.uncertain.set(post.idempotencyKey, startedAt ?? notBefore);
      const found = await this.findExisting(post.idempotencyKey, { text: post.text, replyTo: post.replyTo, notBefore: startedAt ?? notBefore }).catch(() => null);
      if (found) {
        this.uncertain.delete(post.idempotencyKey);
        return this.done.remember(post.idempotencyKey, found);
      }
      throw err;
    }
  }

  private async comment(post: OutgoingPost): Promise<string> {
    const media = post.media ?? [];
    if (media.length > 1) throw new ConnectorError('facebook', 'rejected', 'A Facebook comment carries at most one photo.');
    if (media.length && !media[0].publicUrl) throw new ConnectorError('facebook', 'rejected', 'A photo in a Facebook comment needs a public address.');
    const res = await this.graph.post<{ id: string }>(`${post.replyTo!.id}/comments`, { message: post.text, attachment_url: media[0]?.publicUrl });
    return res.id;
  }

  private async feedPost(post: OutgoingPost): Promise<string> {
    const fbids: string[] = [];
    for (const m of post.media ?? []) {
      // Unpublished photos, attached to the post below; uploading them twice leaves nothing on the Page.
      let body: FormData | Record<string, string | boolean | undefined>;
      if (m.publicUrl) body = { url: m.publicUrl, published: false, alt_text_custom: m.alt };
      else {
        const form = new FormData();
        form.set('source', new Blob([m.bytes as Uint8Array<ArrayBuffer>], { type: m.mimeType }), 'photo');
        form.set('published', 'false');
        if (m.alt) form.set('alt_text_custom', m.alt);
        body = form;
      }
      const photo = await this.graph.post<{ id: string }>(`${this.creds.pageId}/photos`, body, false);
      fbids.push(photo.id);
    }
    const params: Record<string, string | undefined> = { message: post.text || undefined, link: post.options?.link };
    fbids.forEach((id, i) => (params[`attached_media[${i}]`] = JSON.stringify({ media_fbid: id })));
    const res = await this.graph.post<{ id: string }>(`${this.creds.pageId}/feed`, params);
    return res.id;
  }

  async findExisting(_key: string, hint?: ExistingHint): Promise<PublishedPost | null> {
    if (!hint) throw new ConnectorError('facebook', 'unknown_outcome', 'Facebook has no idempotency key: without the text, the post cannot be looked up.');
    if (hint.replyTo) {
      const list = await this.graph.get<{ data: FbComment[] }>(`${hint.replyTo.id}/comments`, { fields: COMMENT_FIELDS, order: 'reverse_chronological', limit: 100 });
      const own = list.data.find((c) => c.from?.id === this.creds.pageId && (c.message ?? '') === hint.text
        && (!hint.notBefore || isoTime(c.created_time) >= hint.notBefore));
      return own ? { ref: { id: own.id }, url: own.permalink_url ?? null, text: own.message ?? '', createdAt: isoTime(own.created_time), alreadyExisted: true } : null;
    }
    let after: string | null = null;
    for (let i = 0; i < FIND_PAGES; i++) {
      // The feed, as what was sent was a feed post; visitors' posts on the Page are told apart by `from`.
      const page: { items: FbPost[]; after: string | null } = await this.graph.page<FbPost>(`${this.creds.pageId}/feed`, {
        fields: `${POST_FIELDS},from`, limit: 25, since: hint.notBefore ? unix(hint.notBefore) : undefined,
      }, after);
      const match = page.items.find((p) => (!p.from || p.from.id === this.creds.pageId) && (p.message ?? '') === hint.text && (!hint.notBefore || isoTime(p.created_time) >= hint.notBefore));
      if (match) return published(match, true);
      const oldest = page.items.at(-1);
      if (!page.after || (hint.notBefore && oldest && isoTime(oldest.created_time) < hint.notBefore)) return null;
      after = page.after;
    }
    throw new ConnectorError('facebook', 'unknown_outcome', 'Too many recent posts to be sure this one was not published: check the Page.');
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    const p = await nullIfGone(this.graph.get<FbPost>(ref.id, { fields: POST_FIELDS }));
    return p && published(p, false);
  }

  async delete(ref: PostRef): Promise<void> {
    await this.graph.delete(ref.id).catch(ignoreGone);
  }

  async readComments(post: PostRef): Promise<Comment[]> {
    const out: Comment[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: { items: FbComment[]; after: string | null } = await this.graph.page<FbComment>(`${post.id}/comments`, { fields: COMMENT_FIELDS, filter: 'stream', limit: 100 }, after);
      out.push(...page.items.filter((c) => c.from?.id !== this.creds.pageId).map((c) => comment(c, post.id)));
      if (!(after = page.after)) break;
    }
    return out;
  }

  async hideComment(_post: PostRef, c: PostRef): Promise<void> {
    await this.graph.post(c.id, { is_hidden: true });
  }

  async unhideComment(_post: PostRef, c: PostRef): Promise<void> {
    await this.graph.post(c.id, { is_hidden: false });
  }

  async deleteComment(c: PostRef): Promise<void> {
    await this.graph.delete(c.id).catch(ignoreGone);
  }

  async banAuthor(author: Author): Promise<void> {
    await this.graph.post(`${this.creds.pageId}/blocked`, { user: author.id });
  }

  async postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    return Promise.all(posts.map(async (ref) => {
      const p = await nullIfGone(this.graph.get<FbPost>(ref.id, { fields: `id,${COUNT_FIELDS}` }));
      return p && counts(p, await this.views(ref.id));
    }));
  }

  /** `post_media_view` replaced `post_impressions` (Page Insights, 2025); null when insights are not readable. */
  private async views(id: string): Promise<number | null> {
    const res = await this.graph.get<{ data: { name: string; values: { value: number }[] }[] }>(`${id}/insights`, { metric: 'post_media_view' }).catch(() => null);
    const v = res?.data.find((d) => d.name === 'post_media_view')?.values.at(-1)?.value;
    return typeof v === 'number' ? v : null;
  }

  async accountMetrics(): Promise<AccountInfo> {
    const info = await this.account();
    const posts = await this.graph.get<{ summary?: { total_count?: number } }>(`${this.creds.pageId}/published_posts`, { summary: 'total_count', limit: 0 });
    // A Page follows no one in the Graph's sense.
    return { ...info, following: null, posts: posts.summary?.total_count ?? null };
  }

  async ownPosts(cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
    const page = await this.graph.page<FbPost>(`${this.creds.pageId}/published_posts`, {
      fields: `${POST_FIELDS},full_picture,${COUNT_FIELDS}`, limit: opts.limit, since: opts.since ? unix(opts.since) : undefined,
    }, cursor);
    const items = page.items.filter((p) => !opts.since || isoTime(p.created_time) >= opts.since);
    const reachedSince = items.length < page.items.length;
    return {
      items: items.map((p) => ({ ref: { id: p.id }, url: p.permalink_url ?? null, text: p.message ?? '', createdAt: isoTime(p.created_time), imageUrl: p.full_picture ?? null, metrics: counts(p, null) })),
      cursor: reachedSince ? null : page.after,
    };
  }

  /** Comments on the Page's recent posts and posts that tag the Page, newer than the last walk. */
  async readInbox(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    const since = readSince(cursor, opts.since);
    // The posts' message, permalink and picture come with the listing: each comment shows the post it is under.
    const posts = await this.graph.get<{ data: FbPost[] }>(`${this.creds.pageId}/published_posts`, { fields: FB_POST_CONTEXT_FIELDS, limit: 25 });
    const items: InboundItem[] = [];
    for (const p of posts.data) {
      const list = await this.graph.get<{ data: FbComment[] }>(`${p.id}/comments`, { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: 100 });
      const context = [fbPostContext(p, this.handle)];
      for (const c of list.data) {
        if (c.from?.id === this.creds.pageId || isoTime(c.created_time) < since) continue;
        items.push({ ...inboundComment(c, p.id), context });
      }
    }
    const tagged = await this.graph.get<{ data: (FbPost & { from?: { id: string; name?: string } })[] }>(`${this.creds.pageId}/tagged`, { fields: 'id,message,created_time,permalink_url,from{id,name}', limit: 50 }).catch(() => ({ data: [] }));
    for (const t of tagged.data) {
      if (isoTime(t.created_time) < since) continue;
      items.push(graphItem({
        kind: 'mention', id: t.id, text: t.message ?? '', createdAt: isoTime(t.created_time), url: t.permalink_url ?? null,
        author: { id: t.from?.id ?? '', handle: t.from?.id ?? '', displayName: t.from?.name ?? null },
      }));
    }
    return sincePage(items, since);
  }

  async ownPostContext(posts: PostRef[]): Promise<Map<string, ThreadContextEntry>> {
    return readOwnPosts<FbPostFields>(this.graph, posts, FB_POST_CONTEXT_FIELDS, (p) => fbPostContext(p, this.handle));
  }

  /** The Page as the inbox names it: the handle it was connected with. */
  private get handle(): string {
    return this.creds.handle ?? this.creds.pageId;
  }

  /** Messenger conversations with the Page (pages_messaging). */
  async readMessages(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    return readConversations(this.graph, this.creds.pageId, undefined, cursor, opts);
  }
}

export async function readConversations(graph: Graph, pageId: string, platform: 'instagram' | undefined, cursor: string | null, opts: InboundReadOptions, selfId = pageId): Promise<InboundPage> {
  const since = readSince(cursor, opts.since);
  const res = await graph.get<{ data: { id: string; messages?: { data: { id: string; message?: string; created_time: string; from?: { id: string; name?: string; username?: string } }[] } }[] }>(
    `${pageId}/conversations`, { platform, fields: 'id,updated_time,messages.limit(25){id,message,created_time,from}', limit: 25 },
  );
  const items: InboundItem[] = [];
  for (const conv of res.data) {
    for (const m of conv.messages?.data ?? []) {
      if (m.from?.id === selfId || isoTime(m.created_time) < since) continue;
      items.push(graphItem({
        kind: 'message', id: m.id, text: m.message ?? '', createdAt: isoTime(m.created_time), url: null,
        author: { id: m.from?.id ?? '', handle: m.from?.username ?? m.from?.id ?? '', displayName: m.from?.name ?? null },
        conversationId: conv.id,
      }));
    }
  }
  return sincePage(items, since);
}

/** Adds the first comment under a post already out; a refusal comes back as a warning in Meta's words, never thrown. */
export async function firstComment(graph: Graph, objectId: string, message: string, networkName: string): Promise<string | null> {
  try {
    await graph.post(`${objectId}/comments`, { message });
    return null;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return `The post is on ${networkName} but its first comment was not added: ${why}`;
  }
}
