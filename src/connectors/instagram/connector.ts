/**
 * An Instagram professional account linked to a Page, on the Graph API (v24.0). Publishing is two steps: a media
 * container (POST /{ig-user-id}/media, Meta fetching the file from Ruche's public URL), polled until its
 * `status_code` is FINISHED, then POST /{ig-user-id}/media_publish. A container created for a key is reused by a
 * retry; a publish whose answer was lost is looked up on the account's recent media before anything else.
 */
import { ConnectorError, ignoreGone, nullIfGone } from '../errors.js';
import { Graph } from '../meta/graph.js';
import { metaCredentials, type MetaCredentials } from '../meta/credentials.js';
import { firstComment, readConversations } from '../facebook/connector.js';
import { graphItem, readSince, sincePage } from '../meta/inbox.js';
import { PublishedKeys } from '../meta/published-keys.js';
import { assertPublishable, countWith } from '../text.js';
import type {
  AccountInfo, Comment, Connector, ConnectorDeps, ExistingHint, InboundItem, InboundPage, InboundReadOptions,
  MediaInput, OutgoingPost, OwnPost, OwnPostsOptions, Page, PostMetrics, PostRef, PublishedPost, ThreadContextEntry,
} from '../types.js';
import { IG_MEDIA_CONTEXT_FIELDS, igMediaContext, readOwnPosts, type IgMediaFields } from '../meta/own-posts.js';
import { assertInstagramRules, INSTAGRAM_CAPABILITIES, INSTAGRAM_LIMITS } from './limits.js';
import { COMMENT_FIELDS, MEDIA_FIELDS, inboundIgComment, isoTime, publishedMedia, type IgComment, type IgMedia } from './map.js';

export interface InstagramOptions {
  /** Between two reads of a container's status; Meta suggests about once a minute for videos, less for images. */
  pollMs?: number;
  /** Reads before the post is left for a later attempt (which reuses the container). */
  maxPolls?: number;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Where an answer goes: a media takes comments on /{ig-media-id}/comments, a comment takes replies on
 * /{ig-comment-id}/replies (Graph "IG Comment Replies"; a comment has no /comments edge). A target that is not the
 * root of its conversation (the media) is a comment.
 */
const answerPath = (target: PostRef, root: PostRef | undefined) => (root && root.id !== target.id ? `${target.id}/replies` : `${target.id}/comments`);

export class InstagramConnector implements Connector {
  readonly network = 'instagram' as const;
  readonly capabilities = INSTAGRAM_CAPABILITIES;
  private readonly creds: MetaCredentials;
  private readonly graph: Graph;
  private readonly now: () => number;
  private readonly containers = new Map<string, string>();
  private readonly uncertain = new Map<string, string>();
  private readonly done = new PublishedKeys();
  private readonly pollMs: number;
  private readonly maxPolls: number;

  constructor(deps: ConnectorDeps, opts: InstagramOptions = {}) {
    this.creds = metaCredentials('instagram', deps.credentials);
    this.now = deps.now ?? Date.now;
    this.graph = new Graph('instagram', this.creds.apiBase, this.creds.accessToken, deps.fetch ?? fetch, this.now);
    this.pollMs = opts.pollMs ?? 3000;
    this.maxPolls = opts.maxPolls ?? 20;
  }

  private get ig(): string {
    return this.creds.igUserId!;
  }

  async limits() {
    return INSTAGRAM_LIMITS;
  }

  async countText(text: string) {
    return countWith(INSTAGRAM_LIMITS.text, text);
  }

  async account(): Promise<AccountInfo> {
    const u = await this.graph.get<{ id: string; username?: string; name?: string; followers_count?: number; follows_count?: number; media_count?: number }>(
      this.ig, { fields: 'id,username,name,followers_count,follows_count,media_count' },
    );
    return { id: u.id, handle: u.username ?? u.id, displayName: u.name ?? null, followers: u.followers_count ?? null, following: u.follows_count ?? null, posts: u.media_count ?? null };
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    assertPublishable('instagram', INSTAGRAM_LIMITS, post);
    assertInstagramRules(post);
    const key = post.idempotencyKey;
    const known = this.done.get(key);
    if (known) return known;
    const startedAt = this.uncertain.get(key);
    if (startedAt) {
      const found = await this.findExisting(key, { text: post.text, replyTo: post.replyTo, notBefore: startedAt });
      if (found) return this.done.remember(key, found);
    }
    const notBefore = startedAt ?? new Date(this.now() - 60_000).toISOString();
    if (post.replyTo) return this.reply(post, notBefore);
    await this.checkQuota();
    let container = this.containers.get(key);
    if (container) {
      const status = await this.status(container);
      if (status === 'PUBLISHED') {
        const found = await this.findExisting(key, { text: post.text, notBefore });
        if (found) return this.done.remember(key, found);
        throw new ConnectorError('instagram', 'unknown_outcome', 'Instagram says the post was published but it is not among the recent media: check the account.');
      }
      if (status === 'EXPIRED' || status === 'ERROR') container = undefined;
    }
    if (!container) {
      container = await this.createContainer(post);
      this.containers.set(key, container);
    }
    await this.waitFinished(container);
    try {
      const { id } = await this.graph.post<{ id: string }>(`${this.ig}/media_publish`, { creation_id: container });
      this.containers.delete(key);
      this.uncertain.delete(key);
      const media = await this.graph.get<IgMedia>(id, { fields: MEDIA_FIELDS }).catch(() => null);
      const result: PublishedPost = media ? publishedMedia(media, false) : { ref: { id }, url: null, text: post.text, createdAt: new Date(this.now()).toISOString(), alreadyExisted: false };
      if (post.options?.firstComment) {
        // The media is out: a refused first comment must not make the job publish it again, but it is told.
        const warning = await firstComment(this.graph, id, post.options.firstComment, 'Instagram');
        if (warning) result.warnings = [warning];
      }
      return this.done.remember(key, result);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind !== 'unknown_outcome') throw err;
      this.uncertain.set(key, notBefore);
      const found = await this.findExisting(key, { text: post.text, notBefore }).catch(() => null);
      if (found) {
        this.uncertain.delete(key);
        this.containers.delete(key);
        return this.done.remember(key, found);
      }
      throw err;
    }
  }

  private async reply(post: OutgoingPost, notBefore: string): Promise<PublishedPost> {
    if (post.media?.length) throw new ConnectorError('instagram', 'rejected', 'An Instagram comment carries text only.');
    try {
      const { id } = await this.graph.post<{ id: string }>(answerPath(post.replyTo!, post.replyRoot), { message: post.text });
      return { ref: { id }, url: null, text: post.text, createdAt: new Date(this.now()).toISOString(), alreadyExisted: false };
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'unknown_outcome') this.uncertain.set(post.idempotencyKey, notBefore);
      throw err;
    }
  }

  private async checkQuota(): Promise<void> {
    const res = await this.graph.get<{ data: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }[] }>(
      `${this.ig}/content_publishing_limit`, { fields: 'quota_usage,config' },
    );
    const q = res.data[0];
    if (q?.config?.quota_total !== undefined && (q.quota_usage ?? 0) >= q.config.quota_total) {
      const windowMs = (q.config.quota_duration ?? 86400) * 1000;
      throw new ConnectorError('instagram', 'rate_limited', `This account has published ${q.quota_usage} posts through the API in the last 24 hours, Instagram's limit.`, {
        retryAfterMs: Math.round(windowMs / 24), networkCode: 'content_publishing_limit',
      });
    }
  }

  private item(m: MediaInput, extra: Record<string, string | boolean | undefined>) {
    const video = m.mimeType.startsWith('video/');
    return { ...(video ? { video_url: m.publicUrl } : { image_url: m.publicUrl, alt_text: m.alt }), ...extra };
  }

  private async createContainer(post: OutgoingPost): Promise<string> {
    const media = post.media!;
    const format = post.options?.format ?? 'feed';
    const create = (params: Record<string, string | boolean | undefined>) =>
      this.graph.post<{ id: string }>(`${this.ig}/media`, params, false).then((r) => r.id);
    if (format === 'story') return create(this.item(media[0], { media_type: 'STORIES' }));
    if (format === 'reel') return create(this.item(media[0], { media_type: 'REELS', caption: post.text }));
    if (media.length === 1) {
      return create(this.item(media[0], { caption: post.text, media_type: media[0].mimeType.startsWith('video/') ? 'VIDEO' : undefined }));
    }
    const children: string[] = [];
    for (const m of media) {
      children.push(await create(this.item(m, { is_carousel_item: true, media_type: m.mimeType.startsWith('video/') ? 'VIDEO' : undefined })));
    }
    for (const c of children) await this.waitFinished(c);
    return create({ media_type: 'CAROUSEL', children: children.join(','), caption: post.text });
  }

  private async status(container: string): Promise<string> {
    const r = await this.graph.get<{ status_code?: string; status?: string }>(container, { fields: 'status_code,status' });
    return r.status_code ?? 'IN_PROGRESS';
  }

  private async waitFinished(container: string): Promise<void> {
    for (let i = 0; i < this.maxPolls; i++) {
      const r = await this.graph.get<{ status_code?: string; status?: string }>(container, { fields: 'status_code,status' });
      if (r.status_code === 'FINISHED') return;
      if (r.status_code === 'ERROR' || r.status_code === 'EXPIRED') {
        throw new ConnectorError('instagram', 'rejected', `Instagram could not process the media: ${r.status ?? r.status_code}.`, { networkCode: r.status_code });
      }
      await sleep(this.pollMs);
    }
    throw new ConnectorError('instagram', 'transient', 'Instagram is still processing the media; the next attempt picks it up where it is.');
  }

  async findExisting(_key: string, hint?: ExistingHint): Promise<PublishedPost | null> {
    if (!hint) throw new ConnectorError('instagram', 'unknown_outcome', 'Instagram has no idempotency key: without the caption, the post cannot be looked up.');
    const recent = (t: string) => !hint.notBefore || isoTime(t) >= hint.notBefore;
    if (hint.replyTo) {
      const list = await this.graph.get<{ data: IgComment[] }>(answerPath(hint.replyTo, hint.replyRoot), { fields: COMMENT_FIELDS, limit: 50 });
      const own = list.data.find((c) => (c.from?.id === this.ig || c.username === this.creds.handle) && c.text === hint.text && recent(c.timestamp));
      return own ? { ref: { id: own.id }, url: null, text: own.text ?? '', createdAt: isoTime(own.timestamp), alreadyExisted: true } : null;
    }
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const page: { items: IgMedia[]; after: string | null } = await this.graph.page<IgMedia>(`${this.ig}/media`, { fields: MEDIA_FIELDS, limit: 25 }, after);
      const match = page.items.find((m) => (m.caption ?? '') === hint.text && recent(m.timestamp));
      if (match) return publishedMedia(match, true);
      const oldest = page.items.at(-1);
      if (!page.after || (hint.notBefore && oldest && isoTime(oldest.timestamp) < hint.notBefore)) return null;
      after = page.after;
    }
    throw new ConnectorError('instagram', 'unknown_outcome', 'Too many recent posts to be sure this one was not published: check the account.');
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    const m = await nullIfGone(this.graph.get<IgMedia>(ref.id, { fields: MEDIA_FIELDS }));
    return m && publishedMedia(m, false);
  }

  async delete(ref: PostRef): Promise<void> {
    await this.graph.delete(ref.id).catch(ignoreGone);
  }

  async readComments(post: PostRef): Promise<Comment[]> {
    const list = await this.graph.get<{ data: IgComment[] }>(`${post.id}/comments`, { fields: COMMENT_FIELDS, limit: 50 });
    return list.data.filter((c) => c.from?.id !== this.ig).map((c) => ({
      ref: { id: c.id }, text: c.text ?? '', createdAt: isoTime(c.timestamp), inReplyTo: { id: c.parent_id ?? post.id },
      author: { id: c.from?.id ?? c.username ?? '', handle: c.from?.username ?? c.username ?? '', displayName: null },
    }));
  }

  async hideComment(_post: PostRef, c: PostRef): Promise<void> {
    await this.graph.post(c.id, { hide: true });
  }

  async unhideComment(_post: PostRef, c: PostRef): Promise<void> {
    await this.graph.post(c.id, { hide: false });
  }

  async deleteComment(c: PostRef): Promise<void> {
    await this.graph.delete(c.id).catch(ignoreGone);
  }

  async postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    return Promise.all(posts.map(async (ref) => {
      const m = await nullIfGone(this.graph.get<IgMedia>(ref.id, { fields: 'id,like_count,comments_count' }));
      if (!m) return null;
      const ins = await this.graph.get<{ data: { name: string; values?: { value: number }[]; total_value?: { value: number } }[] }>(
        `${ref.id}/insights`, { metric: 'views,reach,shares,saved,total_interactions' },
      ).catch(() => ({ data: [] }));
      const metric = (n: string) => {
        const d = ins.data.find((x) => x.name === n);
        return d?.total_value?.value ?? d?.values?.at(-1)?.value ?? null;
      };
      return { replies: m.comments_count ?? 0, likes: m.like_count ?? 0, reposts: metric('shares') ?? 0, quotes: null, views: metric('views') };
    }));
  }

  async accountMetrics(): Promise<AccountInfo> {
    return this.account();
  }

  async ownPosts(cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
    const page = await this.graph.page<IgMedia>(`${this.ig}/media`, {
      fields: `${MEDIA_FIELDS},media_url,thumbnail_url,like_count,comments_count`, limit: opts.limit,
    }, cursor);
    const items = page.items.filter((m) => !opts.since || isoTime(m.timestamp) >= opts.since);
    return {
      items: items.map((m) => ({
        ref: { id: m.id }, url: m.permalink ?? null, text: m.caption ?? '', createdAt: isoTime(m.timestamp),
        imageUrl: m.media_type === 'VIDEO' ? (m.thumbnail_url ?? null) : (m.media_url ?? null),
        metrics: { replies: m.comments_count ?? 0, likes: m.like_count ?? 0, reposts: 0, quotes: null, views: null },
      })),
      cursor: items.length < page.items.length ? null : page.after,
    };
  }

  /** Comments (and their replies) on recent media, and media the account is tagged in. */
  async readInbox(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    const since = readSince(cursor, opts.since);
    // The media's caption, permalink and image come with the listing: each comment shows the post it is under.
    const media = await this.graph.get<{ data: IgMedia[] }>(`${this.ig}/media`, { fields: IG_MEDIA_CONTEXT_FIELDS, limit: 25 });
    const items: InboundItem[] = [];
    for (const m of media.data) {
      const list = await this.graph.get<{ data: (IgComment & { replies?: { data: IgComment[] } })[] }>(`${m.id}/comments`, {
        fields: `${COMMENT_FIELDS},replies{${COMMENT_FIELDS}}`, limit: 50,
      });
      const context = [igMediaContext(m, this.handle)];
      for (const c of list.data) {
        for (const x of [c, ...(c.replies?.data ?? []).map((r) => ({ ...r, parent_id: r.parent_id ?? c.id }))]) {
          if (x.from?.id === this.ig || x.username === this.creds.handle || isoTime(x.timestamp) < since) continue;
          items.push({ ...inboundIgComment(x, m.id), context });
        }
      }
    }
    const tags = await this.graph.get<{ data: (IgMedia & { username?: string })[] }>(`${this.ig}/tags`, { fields: 'id,caption,timestamp,permalink,username', limit: 50 }).catch(() => ({ data: [] }));
    for (const t of tags.data) {
      if (isoTime(t.timestamp) < since) continue;
      items.push(graphItem({
        kind: 'mention', id: t.id, text: t.caption ?? '', createdAt: isoTime(t.timestamp), url: t.permalink ?? null,
        author: { id: t.username ?? '', handle: t.username ?? '', displayName: null },
      }));
    }
    return sincePage(items, since);
  }

  async ownPostContext(posts: PostRef[]): Promise<Map<string, ThreadContextEntry>> {
    return readOwnPosts<IgMediaFields>(this.graph, posts, IG_MEDIA_CONTEXT_FIELDS, (m) => igMediaContext(m, this.handle));
  }

  /** The account as the inbox names it: the username it was connected with. */
  private get handle(): string {
    return this.creds.handle ?? this.ig;
  }

  /** Instagram Direct through the linked Page (instagram_manage_messages). */
  async readMessages(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    return readConversations(this.graph, this.creds.pageId, 'instagram', cursor, opts, this.ig);
  }
}
