/**
 * An HTTP fake of LinkedIn's Community Management API, on node:http at 127.0.0.1. No LinkedIn server can run here, so
 * this follows Microsoft Learn's LinkedIn Marketing docs, version 202611 (li-lms-2026-11): Posts API (POST /rest/posts
 * answering 201 with the URN in `x-restli-id`, GET/DELETE /rest/posts/{urn}, the author finder), the little text
 * format, Images API (initializeUpload, PUT upload, status WAITING_UPLOAD → PROCESSING → AVAILABLE), Comments API
 * (/rest/socialActions/{urn}/comments), organizationalEntityShareStatistics, networkSizes, organizationAcls and
 * organizations (vanityName finder); shared/api-guide: error bodies `{status, serviceErrorCode, code, message}`,
 * 401 EXPIRED_ACCESS_TOKEN (65601) / REVOKED_ACCESS_TOKEN (65602), 403 ACCESS_DENIED, 429 with no rate headers
 * (daily limits per app and member, reset at midnight UTC), 422 "Content is a duplicate of urn:li:share:…",
 * the `LinkedIn-Version` header required. OAuth pages in linkedin-fake-oauth.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';
import { LinkedInFakeOAuth } from './linkedin-fake-oauth.js';
import { LinkedInFakeState, type FakeMember, type FakeOrg, type FakePost } from './linkedin-fake-state.js';

class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string, readonly serviceErrorCode?: number) {
    super(message);
  }
}

const MAX_COMMENTARY = 3000;
const listValues = (v: string | null) => (v && /^List\((.*)\)$/.exec(v)?.[1].split(',').filter(Boolean)) || [];

export class LinkedInFake {
  readonly state = new LinkedInFakeState();
  readonly oauth = new LinkedInFakeOAuth(this.state);
  url = '';
  /** Calls one member may make in a day (LinkedIn does not publish it; the fake's is small). */
  dailyLimit = 500;
  /** Status polls an uploaded image answers PROCESSING before AVAILABLE. */
  imageProcessingPolls = 1;
  /** The next `count` matching requests fail with `status` and a LinkedIn error body. */
  failNext: { count: number; status: number; path?: string } = { count: 0, status: 503 };
  requests: { method: string; path: string; version: string | undefined }[] = [];
  private server: FakeServer | undefined;

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res));
    this.url = this.server.url;
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  get apiBase(): string {
    return `${this.url}/rest`;
  }

  // ---- test hooks -------------------------------------------------------------------------------------------

  /** A member who administers a new page, with a token carrying every scope Ruche asks for. */
  adminOfNewPage(name: string, vanityName: string, role = 'ADMINISTRATOR'): { member: FakeMember; org: FakeOrg; token: string } {
    const member = this.state.createMember(`${name} admin`);
    const org = this.state.createOrg(name, vanityName, 12);
    this.state.grant(member, org, role);
    const token = this.state.issueToken(member.id, ['w_organization_social', 'r_organization_social', 'rw_organization_admin', 'r_organization_admin']);
    return { member, org, token };
  }

  expire(token: string): void {
    const t = this.state.tokens.get(token);
    if (t) t.expiresAt = Date.now() - 1000;
  }

  revoke(token: string): void {
    const t = this.state.tokens.get(token);
    if (t) t.revoked = true;
  }

  exhaust(memberId: string): void {
    this.state.callsToday.set(memberId, this.dailyLimit);
  }

  commentAs(member: FakeMember, postUrn: string, text: string): string {
    const post = this.state.livePost(postUrn);
    if (!post) throw new Error(`no post ${postUrn}`);
    const urn = `urn:li:comment:(${postUrn},${this.state.next()})`;
    this.state.comments.push({ urn, post: postUrn, actor: `urn:li:person:${member.id}`, text, time: Date.now(), deleted: false });
    return urn;
  }

  likeAndReshareAs(member: FakeMember, postUrn: string): void {
    const post = this.state.livePost(postUrn)!;
    post.likes.add(member.id);
    post.reshares.add(member.id);
  }

  postsOf(org: FakeOrg): FakePost[] {
    return this.state.posts.filter((p) => p.author === `urn:li:organization:${org.id}` && !p.deleted);
  }

  // ---- server ------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    this.requests.push({ method, path: url.pathname, version: req.headers['linkedin-version'] as string | undefined });
    try {
      if (url.pathname === '/oauth/v2/authorization') {
        return method === 'POST' ? this.oauth.allow(new URLSearchParams(raw.toString()), res) : this.oauth.authorizePage(url, res);
      }
      if (url.pathname === '/oauth/v2/accessToken' && method === 'POST') return this.oauth.token(req, new URLSearchParams(raw.toString()), res);
      if (this.failNext.count > 0 && (!this.failNext.path || url.pathname.startsWith(this.failNext.path))) {
        this.failNext.count--;
        throw new ApiError(this.failNext.status, 'Service Unavailable', 'SERVICE_UNAVAILABLE');
      }
      const memberId = this.authenticate(req);
      if (url.pathname.startsWith('/dms-uploads/') && method === 'PUT') return this.upload(url.pathname.slice('/dms-uploads/'.length), res);
      if (!url.pathname.startsWith('/rest/')) throw new ApiError(404, `No resource found for ${url.pathname}`, 'NOT_FOUND');
      if (!req.headers['linkedin-version']) {
        throw new ApiError(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', 'VERSION_MISSING');
      }
      const used = (this.state.callsToday.get(memberId) ?? 0) + 1;
      this.state.callsToday.set(memberId, used);
      if (used > this.dailyLimit) throw new ApiError(429, 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.', 'TOO_MANY_REQUESTS', 101);
      const body = raw.length ? JSON.parse(raw.toString()) : undefined;
      const answer = this.route(method, url, memberId, body, res);
      if (answer !== undefined) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (err) {
      if (res.headersSent) return;
      const e = err instanceof ApiError ? err : new ApiError(500, 'Internal Server Error', 'INTERNAL_SERVER_ERROR');
      res.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify({
        status: e.status, ...(e.serviceErrorCode !== undefined ? { serviceErrorCode: e.serviceErrorCode } : {}), code: e.code, message: e.message,
      }));
    }
  }

  private authenticate(req: IncomingMessage): string {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const t = token ? this.state.tokens.get(token) : undefined;
    if (!t) throw new ApiError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
    if (t.revoked) throw new ApiError(401, 'The token used in the request has been revoked by the user', 'REVOKED_ACCESS_TOKEN', 65602);
    if (t.expiresAt < Date.now()) throw new ApiError(401, 'The token used in the request has expired', 'EXPIRED_ACCESS_TOKEN', 65601);
    this.currentScopes = t.scopes;
    return t.memberId;
  }

  private currentScopes: string[] = [];

  private need(scope: string, resource: string): void {
    if (!this.currentScopes.includes(scope)) {
      throw new ApiError(403, `Not enough permissions to access: ${resource}.20261101`, 'ACCESS_DENIED', 100);
    }
  }

  private route(method: string, url: URL, memberId: string, body: any, res: ServerResponse): unknown {
    const path = decodeURIComponent(url.pathname.slice('/rest'.length));
    const q = url.searchParams;
    let m: RegExpExecArray | null;
    if (path === '/posts' && method === 'POST') return this.createPost(memberId, body, res);
    if (path === '/posts' && method === 'GET' && q.get('q') === 'author') {
      this.need('r_organization_social', 'partnerApiPostsExternal.FINDER-author');
      const start = Number(q.get('start') ?? 0);
      const count = Math.min(Number(q.get('count') ?? 10), 100);
      const all = this.state.posts.filter((p) => p.author === q.get('author') && !p.deleted).sort((a, b) => b.createdAt - a.createdAt);
      return { elements: all.slice(start, start + count).map((p) => this.render(p)), paging: { start, count, total: all.length, links: [] } };
    }
    if ((m = /^\/posts\/(urn:li:(?:share|ugcPost):\d+)$/.exec(path))) {
      const post = this.state.livePost(m[1]);
      if (method === 'GET') {
        this.need('r_organization_social', 'partnerApiPostsExternal.GET');
        if (!post) throw new ApiError(404, `Post ${m[1]} does not exist`, 'NOT_FOUND');
        return this.render(post);
      }
      if (method === 'DELETE') {
        this.need('w_organization_social', 'partnerApiPostsExternal.DELETE');
        if (!post) throw new ApiError(404, `Post ${m[1]} does not exist`, 'NOT_FOUND');
        if (!this.state.canPostAs(memberId, post.author)) throw new ApiError(403, 'Not enough permissions to access: partnerApiPostsExternal.DELETE.20261101', 'ACCESS_DENIED', 100);
        post.deleted = true;
        res.writeHead(204).end();
        return undefined;
      }
    }
    if (path === '/images' && method === 'POST' && q.get('action') === 'initializeUpload') {
      this.need('w_organization_social', 'partnerApiImages.ACTION-initializeUpload');
      const owner = body?.initializeUploadRequest?.owner;
      if (!this.state.canPostAs(memberId, owner)) throw new ApiError(403, 'Not enough permissions to access: partnerApiImages.ACTION-initializeUpload.20261101', 'ACCESS_DENIED', 100);
      const id = `D4E${this.state.next()}`;
      const urn = `urn:li:image:${id}`;
      this.state.images.set(urn, { urn, owner, uploaded: false, pollsLeft: this.imageProcessingPolls });
      return { value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl: `${this.url}/dms-uploads/${id}`, image: urn } };
    }
    if ((m = /^\/images\/(urn:li:image:\w+)$/.exec(path)) && method === 'GET') {
      const image = this.state.images.get(m[1]);
      if (!image) throw new ApiError(404, `Image ${m[1]} does not exist`, 'NOT_FOUND');
      if (image.uploaded && image.pollsLeft > 0) image.pollsLeft--;
      return { id: image.urn, owner: image.owner, status: imageStatus(image) };
    }
    if ((m = /^\/socialActions\/(urn:li:(?:share|ugcPost):\d+)\/comments$/.exec(path))) {
      const post = this.state.livePost(m[1]);
      if (!post) throw new ApiError(404, `Post ${m[1]} does not exist`, 'NOT_FOUND');
      if (method === 'GET') {
        this.need('r_organization_social', 'partnerApiSocialActions.GET');
        const start = Number(q.get('start') ?? 0);
        const count = Math.min(Number(q.get('count') ?? 10), 100);
        const all = this.state.comments.filter((c) => c.post === m![1] && !c.deleted).sort((a, b) => a.time - b.time);
        return { elements: all.slice(start, start + count).map((c) => this.renderComment(c)), paging: { start, count, total: all.length } };
      }
      if (method === 'POST') {
        this.need('w_organization_social', 'partnerApiSocialActions.CREATE');
        if (!this.state.canPostAs(memberId, body?.actor)) throw new ApiError(403, 'Not enough permissions to access: partnerApiSocialActions.CREATE.20261101', 'ACCESS_DENIED', 100);
        const urn = `urn:li:comment:(${m[1]},${this.state.next()})`;
        const c = { urn, post: m[1], actor: body.actor, text: String(body?.message?.text ?? ''), time: Date.now(), deleted: false };
        this.state.comments.push(c);
        res.writeHead(201, { 'content-type': 'application/json', 'x-restli-id': urn }).end(JSON.stringify(this.renderComment(c)));
        return undefined;
      }
    }
    if (path === '/organizationalEntityShareStatistics' && q.get('q') === 'organizationalEntity') {
      this.need('r_organization_admin', 'organizationalEntityShareStatistics.FINDER-organizationalEntity');
      const wanted = [...listValues(q.get('shares')), ...listValues(q.get('ugcPosts'))].map(decodeURIComponent);
      const elements = wanted.map((urn) => this.state.livePost(urn)).filter((p): p is FakePost => !!p && p.author === q.get('organizationalEntity'))
        .map((p) => ({
          organizationalEntity: p.author, [p.id.startsWith('urn:li:share:') ? 'share' : 'ugcPost']: p.id,
          totalShareStatistics: {
            likeCount: p.likes.size, commentCount: this.state.comments.filter((c) => c.post === p.id && !c.deleted).length,
            shareCount: p.reshares.size, impressionCount: 3 * (p.likes.size + p.reshares.size), clickCount: 0, engagement: 0, uniqueImpressionsCount: 0,
          },
        }));
      return { elements, paging: { start: 0, count: elements.length } };
    }
    if (path === '/organizationAcls' && q.get('q') === 'roleAssignee') {
      this.need('rw_organization_admin', 'organizationAcls.FINDER-roleAssignee');
      const elements = [...this.state.roles].filter(([k]) => k.startsWith(`${memberId}:`)).map(([k, role]) => ({
        roleAssignee: `urn:li:person:${memberId}`, role, organization: `urn:li:organization:${k.split(':')[1]}`, state: 'APPROVED',
      }));
      return { elements, paging: { start: 0, count: elements.length, total: elements.length } };
    }
    if ((m = /^\/organizations\/(\d+)$/.exec(path))) {
      const org = this.state.orgs.get(Number(m[1]));
      if (!org) throw new ApiError(404, `Organization ${m[1]} does not exist`, 'NOT_FOUND');
      return { id: org.id, localizedName: org.name, vanityName: org.vanityName };
    }
    if (path === '/organizations' && q.get('q') === 'vanityName') {
      const org = [...this.state.orgs.values()].find((o) => o.vanityName.toLowerCase() === (q.get('vanityName') ?? '').toLowerCase());
      return { elements: org ? [{ id: org.id, localizedName: org.name, vanityName: org.vanityName }] : [] };
    }
    if ((m = /^\/networkSizes\/urn:li:organization:(\d+)$/.exec(path)) && q.get('edgeType') === 'COMPANY_FOLLOWED_BY_MEMBER') {
      const org = this.state.orgs.get(Number(m[1]));
      if (!org) throw new ApiError(404, 'Not Found', 'NOT_FOUND');
      return { firstDegreeSize: org.followers };
    }
    throw new ApiError(404, `No virtual resource found for ${method} ${path}`, 'NOT_FOUND');
  }

  private createPost(memberId: string, body: any, res: ServerResponse): undefined {
    this.need('w_organization_social', 'partnerApiPostsExternal.CREATE');
    const missing = ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState'].filter((k) => body?.[k] === undefined);
    if (missing.length) {
      throw new ApiError(422, missing.map((k) => `ERROR :: /${k} :: field is required but not found and has no default value`).join('\n'), 'UNPROCESSABLE_ENTITY');
    }
    if (!this.state.canPostAs(memberId, body.author)) throw new ApiError(403, 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20261101', 'ACCESS_DENIED', 100);
    if ([...String(body.commentary)].length > MAX_COMMENTARY) {
      throw new ApiError(422, `ERROR :: /commentary :: length of commentary exceeds ${MAX_COMMENTARY}`, 'UNPROCESSABLE_ENTITY');
    }
    const images: string[] = body.content?.media ? [body.content.media.id] : (body.content?.multiImage?.images ?? []).map((i: { id: string }) => i.id);
    for (const urn of images) {
      const image = this.state.images.get(urn);
      if (!image) throw new ApiError(422, `ERROR :: /content :: Media asset ${urn} does not exist`, 'UNPROCESSABLE_ENTITY');
      if (imageStatus(image) !== 'AVAILABLE') {
        throw new ApiError(422, `ERROR :: /content :: Media asset ${urn} is not ready: status ${imageStatus(image)}`, 'UNPROCESSABLE_ENTITY');
      }
    }
    const content = JSON.stringify(body.content ?? null);
    const dup = this.state.posts.find((p) => !p.deleted && p.author === body.author && p.commentary === body.commentary && JSON.stringify(p.content) === content);
    if (dup) throw new ApiError(422, `Content is a duplicate of ${dup.id}`, 'DUPLICATE_POST');
    const post: FakePost = {
      id: `urn:li:share:${this.state.next()}`, author: body.author, commentary: body.commentary, content: body.content ?? null,
      createdAt: Date.now(), deleted: false, likes: new Set(), reshares: new Set(),
    };
    this.state.posts.push(post);
    res.writeHead(201, { 'x-restli-id': post.id, 'x-linkedin-id': post.id }).end();
    return undefined;
  }

  private upload(id: string, res: ServerResponse): void {
    const image = this.state.images.get(`urn:li:image:${id}`);
    if (!image) throw new ApiError(404, 'Not Found', 'NOT_FOUND');
    image.uploaded = true;
    res.writeHead(201).end();
  }

  private render(p: FakePost) {
    return {
      id: p.id, author: p.author, commentary: p.commentary, visibility: 'PUBLIC', lifecycleState: 'PUBLISHED',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(p.content ? { content: p.content } : {}), createdAt: p.createdAt, publishedAt: p.createdAt, lastModifiedAt: p.createdAt,
      isReshareDisabledByAuthor: false,
    };
  }

  private renderComment(c: { urn: string; post: string; actor: string; text: string; time: number }) {
    return {
      $URN: c.urn, commentUrn: c.urn, id: /,(\d+)\)$/.exec(c.urn)?.[1], actor: c.actor, object: c.post,
      message: { text: c.text, attributes: [] }, created: { actor: c.actor, time: c.time }, lastModified: { actor: c.actor, time: c.time },
    };
  }
}

function imageStatus(image: { uploaded: boolean; pollsLeft: number }): string {
  if (!image.uploaded) return 'WAITING_UPLOAD';
  return image.pollsLeft > 0 ? 'PROCESSING' : 'AVAILABLE';
}
