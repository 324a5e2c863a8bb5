import { ConnectorError, isConnectorError } from '../errors.js';
import { assertPublishable } from '../text.js';
import type {
  AccountInfo, Comment as RucheComment, Connector, ConnectorDeps, ExistingHint, MediaInput, NetworkLimits, OutgoingPost,
  PostMetrics, PostRef, PublishedPost, TextCount,
} from '../types.js';
import { encodeUrn, LinkedInHttp } from './http.js';
import { LINKEDIN_CAPABILITIES, LINKEDIN_LIMITS, countLinkedInText } from './limits.js';
import { comparableLittle, comparableText, littleToPlain, mentionedHandles, toLittle, type MentionTarget } from './little-text.js';
import {
  Image, InitializeUpload, LinkedInCredentials, NetworkSize, Organization, OrganizationList, Post, PostList,
  ShareStatistics,
} from './schemas.js';
import { readLinkedInComments } from './comments.js';

/** A post LinkedIn calls a duplicate of one this recent is taken as our own earlier try. */
const DUPLICATE_IS_OURS_MS = 60 * 60_000;
/** How far back a look-up reads when it is not told when the post can have been made. */
const LOOKUP_POSTS = 100;
const PAGE = 50;
const IMAGE_POLLS = 20;
const IMAGE_POLL_MS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LinkedInConnector implements Connector {
  readonly network = 'linkedin' as const;
  readonly capabilities = LINKEDIN_CAPABILITIES;
  private readonly creds: LinkedInCredentials;
  private readonly http: LinkedInHttp;
  private readonly now: () => number;

  constructor(deps: ConnectorDeps) {
    const parsed = LinkedInCredentials.safeParse(deps.credentials);
    if (!parsed.success) throw new ConnectorError('linkedin', 'auth_expired', 'The saved LinkedIn credentials are unreadable; reconnect the page.');
    this.creds = parsed.data;
    this.now = deps.now ?? Date.now;
    this.http = new LinkedInHttp({ apiBase: this.creds.apiBase, token: this.creds.accessToken, fetch: deps.fetch, now: deps.now });
  }

  private get orgUrn(): string {
    return `urn:li:organization:${this.creds.organizationId}`;
  }

  async limits(): Promise<NetworkLimits> {
    return LINKEDIN_LIMITS;
  }

  async countText(text: string): Promise<TextCount> {
    return countLinkedInText(text);
  }

  async account(): Promise<AccountInfo> {
    const org = Organization.parse((await this.http.call(`/organizations/${this.creds.organizationId}`)).json);
    const size = NetworkSize.safeParse((await this.http.call(`/networkSizes/${encodeUrn(this.orgUrn)}`, { query: 'edgeType=COMPANY_FOLLOWED_BY_MEMBER' })).json);
    return { id: String(org.id), handle: org.vanityName ?? String(org.id), displayName: org.localizedName, followers: size.success ? size.data.firstDegreeSize : null };
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    assertPublishable('linkedin', LINKEDIN_LIMITS, post);
    if (post.replyTo) throw new ConnectorError('linkedin', 'rejected', 'LinkedIn organisation posts cannot reply to a post.');
    const startedAt = this.now();
    const commentary = toLittle(post.text, await this.mentionTargets(post.text));
    const content = await this.uploadImages(post.media ?? []);
    const body = {
      author: this.orgUrn,
      commentary,
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(content ? { content } : {}),
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    let published: PublishedPost;
    try {
      const answer = await this.http.call('/posts', { method: 'POST', json: body });
      const id = answer.headers.get('x-restli-id');
      if (!id) throw new ConnectorError('linkedin', 'unknown_outcome', 'LinkedIn accepted the post but did not say which it is.', { status: answer.status });
      published = { ref: { id }, url: postUrl(id), text: post.text, createdAt: new Date(startedAt).toISOString(), alreadyExisted: false };
    } catch (err) {
      published = await this.recover(err, post, startedAt);
    }
    await this.ensureFirstComment(published, post.options?.firstComment);
    return published;
  }

  /**
   * LinkedIn takes no idempotency key: after a lost answer the post is looked up among the page's latest; after a
   * "Content is a duplicate of urn:li:share:…" refusal, the named post is ours when it is recent and says the same.
   */
  private async recover(err: unknown, post: OutgoingPost, startedAt: number): Promise<PublishedPost> {
    if (!isConnectorError(err)) throw err;
    if (err.networkCode === 'no_answer') {
      const hint = { text: post.text, mediaCount: post.media?.length, notBefore: new Date(startedAt - 60_000).toISOString() };
      const found = await this.findExisting(post.idempotencyKey, hint).catch(() => null);
      if (found) return found;
      throw new ConnectorError('linkedin', 'unknown_outcome',
        'LinkedIn did not answer and the post is not on the page yet: check the page before publishing again.', { cause: err });
    }
    const duplicate = err.status === 422 ? /urn:li:(?:share|ugcPost):\d+/.exec(err.message)?.[0] : undefined;
    if (duplicate) {
      const existing = await this.getPost({ id: duplicate });
      if (existing && Date.parse(existing.createdAt) >= startedAt - DUPLICATE_IS_OURS_MS && sameText(existing.text, post.text)) {
        return { ...existing, alreadyExisted: true };
      }
    }
    throw err;
  }

  /** The first comment, once: a retry that finds the post already there adds it only if it is missing. */
  private async ensureFirstComment(published: PublishedPost, text: string | undefined): Promise<void> {
    if (!text?.trim()) return;
    const message = toLittle(text);
    if (published.alreadyExisted) {
      const comments = await this.readComments(published.ref);
      if (comments.some((c) => c.author.id === this.creds.organizationId && comparableText(c.text) === comparableText(text))) return;
    }
    try {
      await this.http.call(`/socialActions/${encodeUrn(published.ref.id)}/comments`, {
        method: 'POST',
        json: { actor: this.orgUrn, object: published.ref.id, message: { text: message } },
      });
    } catch (err) {
      if (isConnectorError(err) && err.retryable) {
        throw new ConnectorError('linkedin', 'transient',
          `The post is on LinkedIn; its first comment could not be added yet (${err.message}).`, { cause: err, retryAfterMs: err.retryAfterMs });
      }
      throw err;
    }
  }

  async findExisting(_key: string, hint?: ExistingHint): Promise<PublishedPost | null> {
    if (!hint) throw new ConnectorError('linkedin', 'unknown_outcome', 'LinkedIn keeps no idempotency key: the post can only be found by its text.');
    const notBefore = hint.notBefore ? Date.parse(hint.notBefore) : null;
    const wanted = comparableText(hint.text);
    for (let start = 0; start < LOOKUP_POSTS || notBefore !== null; start += PAGE) {
      const page = PostList.parse((await this.http.call('/posts', {
        query: `author=${encodeUrn(this.orgUrn)}&q=author&count=${PAGE}&start=${start}&sortBy=CREATED`,
        restliMethod: 'FINDER',
      })).json);
      for (const p of page.elements) {
        const created = p.createdAt ?? p.publishedAt ?? 0;
        if (notBefore !== null && created < notBefore) return null;
        if (comparableLittle(p.commentary) === wanted) return { ...this.toPublished(p), alreadyExisted: true };
      }
      if (page.elements.length < PAGE) return null;
    }
    throw new ConnectorError('linkedin', 'unknown_outcome', `The post is not among the page's ${LOOKUP_POSTS} latest; check the page before publishing again.`);
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    try {
      const p = Post.parse((await this.http.call(`/posts/${encodeUrn(ref.id)}`)).json);
      return p.lifecycleState === 'PUBLISHED' || p.lifecycleState === undefined ? this.toPublished(p) : null;
    } catch (err) {
      if (isConnectorError(err) && err.kind === 'gone') return null;
      throw err;
    }
  }

  async delete(ref: PostRef): Promise<void> {
    try {
      await this.http.call(`/posts/${encodeUrn(ref.id)}`, { method: 'DELETE' });
    } catch (err) {
      if (!(isConnectorError(err) && err.kind === 'gone')) throw err;
    }
  }

  async readComments(post: PostRef): Promise<RucheComment[]> {
    return readLinkedInComments(this.http, post);
  }

  async postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    if (posts.length === 0) return [];
    const shares = posts.filter((p) => p.id.startsWith('urn:li:share:')).map((p) => encodeUrn(p.id));
    const ugc = posts.filter((p) => p.id.startsWith('urn:li:ugcPost:')).map((p) => encodeUrn(p.id));
    const lists = [shares.length ? `shares=List(${shares.join(',')})` : '', ugc.length ? `ugcPosts=List(${ugc.join(',')})` : ''].filter(Boolean);
    const stats = ShareStatistics.parse((await this.http.call('/organizationalEntityShareStatistics', {
      query: `q=organizationalEntity&organizationalEntity=${encodeUrn(this.orgUrn)}&${lists.join('&')}`,
    })).json);
    const byPost = new Map(stats.elements.map((e) => [e.share ?? e.ugcPost ?? '', e.totalShareStatistics]));
    return posts.map((p) => {
      const s = byPost.get(p.id);
      return s ? { replies: s.commentCount, reposts: s.shareCount, likes: s.likeCount, quotes: null, views: s.impressionCount ?? null } : null;
    });
  }

  /** Organisations named as @vanity-name: LinkedIn shows a mention only with the organisation's exact name. */
  private async mentionTargets(text: string): Promise<Map<string, MentionTarget>> {
    const found = new Map<string, MentionTarget>();
    for (const handle of mentionedHandles(text).slice(0, 10)) {
      const list = OrganizationList.safeParse((await this.http.call('/organizations', {
        query: `q=vanityName&vanityName=${encodeURIComponent(handle)}`, restliMethod: 'FINDER',
      }).catch(() => null))?.json);
      const org = list.success ? list.data.elements[0] : undefined;
      if (org) found.set(handle, { name: org.localizedName, urn: `urn:li:organization:${org.id}` });
    }
    return found;
  }

  /** Images API: initializeUpload, PUT the bytes, then wait until LinkedIn has processed each (status AVAILABLE). */
  private async uploadImages(media: MediaInput[]): Promise<Record<string, unknown> | null> {
    if (media.length === 0) return null;
    const images: { id: string; altText?: string }[] = [];
    for (const m of media) {
      const init = InitializeUpload.parse((await this.http.call('/images', {
        method: 'POST', query: 'action=initializeUpload', json: { initializeUploadRequest: { owner: this.orgUrn } },
      })).json);
      await this.http.upload(init.value.uploadUrl, m.bytes, m.mimeType);
      images.push({ id: init.value.image, ...(m.alt ? { altText: m.alt } : {}) });
    }
    for (const image of images) await this.waitAvailable(image.id);
    return images.length === 1 ? { media: images[0] } : { multiImage: { images } };
  }

  private async waitAvailable(urn: string): Promise<void> {
    for (let i = 0; i < IMAGE_POLLS; i++) {
      const image = Image.parse((await this.http.call(`/images/${encodeUrn(urn)}`)).json);
      if (image.status === 'AVAILABLE') return;
      if (image.status === 'PROCESSING_FAILED') throw new ConnectorError('linkedin', 'rejected', `LinkedIn could not process the image ${urn} (PROCESSING_FAILED).`);
      await sleep(IMAGE_POLL_MS);
    }
    throw new ConnectorError('linkedin', 'transient', `LinkedIn is still processing the image ${urn}; the post will be tried again.`);
  }

  private toPublished(p: Post): PublishedPost {
    const created = p.createdAt ?? p.publishedAt ?? this.now();
    return { ref: { id: p.id }, url: postUrl(p.id), text: littleToPlain(p.commentary), createdAt: new Date(created).toISOString(), alreadyExisted: false };
  }
}

const sameText = (plain: string, sent: string) => comparableText(plain) === comparableText(sent);

/** The public address of a post: LinkedIn's feed takes the share or ugcPost URN. */
const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;


