/**
 * An HTTP fake of the YouTube Data API v3 and YouTube Analytics API v2, on node:http at 127.0.0.1. No Google server
 * can run here, so this follows developers.google.com/youtube/v3/docs (channels/list, videos/insert with
 * guides/using_resumable_upload_protocol, videos/list with the videos resource's status and processingDetails,
 * videos/delete, playlistItems/list, commentThreads/list and insert, comments/insert, comments/setModerationStatus,
 * comments/delete, docs/errors), determine_quota_cost, and identity/protocols/oauth2/web-server (see
 * youtube-fake-oauth.ts), as read in 2026. Analytics follows developers.google.com/youtube/analytics/reference/
 * reports/query (GET /v2/reports: ids, startDate, endDate, metrics, dimensions, filters, sort, maxResults; the answer
 * a `youtubeAnalytics#resultTable` of columnHeaders and rows, rows left out when there are none) with the "Top videos"
 * rules of analytics/channel_reports (a `video` dimension needs `sort` and at most 200 `maxResults`). Pages come by
 * `pageToken`; Data API quota is per project and day. An upload is "processing" until a test finishes, fails or
 * rejects it, as YouTube does after accepting the bytes.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';
import { FakeGoogleOAuth, YOUTUBE_FAKE_SCOPES } from './youtube-fake-oauth.js';
import { COST, DAILY_QUOTA, ERR, GoogleError, type FakeChannel, type FakeComment, type FakeVideo, type FakeVideoAnalytics, type UploadSession } from './youtube-fake-state.js';

const FORCE_SSL = 'https://www.googleapis.com/auth/youtube.force-ssl';
const ANALYTICS_METRICS = ['views', 'estimatedMinutesWatched', 'averageViewDuration', 'likes', 'comments', 'shares', 'subscribersGained', 'subscribersLost'];
const id = (n = 11) => randomBytes(16).toString('base64url').slice(0, n);

export class YouTubeFake {
  url = '';
  oauth = new FakeGoogleOAuth();
  channels = new Map<string, FakeChannel>();
  videos: FakeVideo[] = [];
  comments: FakeComment[] = [];
  sessions = new Map<string, UploadSession>();
  quotaUsed = 0;
  /** The Analytics API's own daily query quota is used up. */
  analyticsQuotaExceeded = false;
  /** The next 'rateLimitExceeded' answers (too many calls in a short time). */
  rateLimited = 0;
  /** Channels whose daily upload allowance is used up (uploadLimitExceeded). */
  uploadLimited = new Set<string>();
  /** The next upload PUT keeps this many bytes, then the connection drops (an interrupted upload). */
  cutNextUploadAt: number | null = null;
  requests: { method: string; path: string; query: URLSearchParams; body: string }[] = [];
  private clock = 0;
  private server: FakeServer | undefined;

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res));
    this.url = this.server.url;
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  get tokenUrl(): string {
    return `${this.url}/token`;
  }

  createChannel(title: string, scopes = YOUTUBE_FAKE_SCOPES): { channel: FakeChannel; token: string; refreshToken: string } {
    const cid = `UC${id(22)}`;
    const channel = { id: cid, title, customUrl: `@${title.toLowerCase().replace(/\W+/g, '')}`, subscribers: 42, uploads: `UU${cid.slice(2)}` };
    this.channels.set(cid, channel);
    const t = this.oauth.issue({ channelId: cid, scopes });
    return { channel, token: t.access_token, refreshToken: t.refresh_token! };
  }

  live(channelId?: string): FakeVideo[] {
    return this.videos.filter((v) => !v.deleted && (!channelId || v.channelId === channelId));
  }

  private video(id: string): FakeVideo {
    const v = this.videos.find((x) => x.id === id);
    if (!v) throw new Error(`no video ${id}`);
    return v;
  }

  /** YouTube finished processing the upload: it can be watched. */
  finishProcessing(id: string): void {
    Object.assign(this.video(id), { uploadStatus: 'processed', processingStatus: 'succeeded' });
  }

  /** Processing failed (processingFailureReason: uploadFailed, transcodeFailed, streamingFailed, other). */
  failProcessing(id: string, processingFailureReason: string, failureReason = 'conversion'): void {
    Object.assign(this.video(id), { uploadStatus: 'failed', failureReason, processingStatus: 'failed', processingFailureReason });
  }

  /** YouTube rejected the upload (rejectionReason: duplicate, copyright, claim, …). */
  reject(id: string, rejectionReason: string): void {
    Object.assign(this.video(id), { uploadStatus: 'rejected', rejectionReason, processingStatus: 'succeeded' });
  }

  /** A time after every time given so far: order by time is never ambiguous. */
  private stamp(): string {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return new Date(this.clock).toISOString();
  }

  /** Another channel comments on a video (or answers a comment), as a viewer would. */
  commentAs(author: FakeChannel, videoId: string, text: string, parentId: string | null = null): FakeComment {
    const c: FakeComment = {
      id: parentId ? `${parentId}.${id(22)}` : `Ug${id(24)}`, videoId, parentId, authorChannelId: author.id, authorDisplayName: author.customUrl,
      text, publishedAt: this.stamp(), moderationStatus: 'published', deleted: false,
    };
    this.comments.push(c);
    return c;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const socket = req.socket;
    const chunks: Buffer[] = [];
    const cut = req.method === 'PUT' && url.pathname.startsWith('/upload/') ? this.cutNextUploadAt : null;
    let got = 0;
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
      got += (chunk as Buffer).length;
      if (cut !== null && got >= cut) break;
    }
    const raw = Buffer.concat(chunks);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: req.method === 'PUT' ? '' : raw.toString() });
    try {
      if (cut !== null && req.method === 'PUT' && (req.headers['content-range'] ?? '').match(/^bytes \d/)) {
        this.cutNextUploadAt = null;
        this.receive(url, req, raw.subarray(0, cut));
        socket.destroy();
        return;
      }
      const out = await this.route(req, url, raw);
      res.writeHead(out.status, { 'content-type': 'application/json; charset=UTF-8', ...out.headers });
      res.end(out.body === undefined ? undefined : JSON.stringify(out.body));
    } catch (err) {
      const e = err instanceof GoogleError ? err : new GoogleError(500, 'backendError', String(err));
      res.writeHead(e.code, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(e.body()));
    }
  }

  private grant(req: IncomingMessage, scope?: string): { channel: FakeChannel } {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const g = this.oauth.access.get(token);
    if (!g || g.expired) throw ERR.auth();
    if (scope && !g.scopes.includes(scope)) throw ERR.scopes();
    return { channel: this.channels.get(g.channelId)! };
  }

  private spend(kind: keyof typeof COST): void {
    if (this.rateLimited > 0) {
      this.rateLimited--;
      throw ERR.rate();
    }
    if (this.quotaUsed + COST[kind] > DAILY_QUOTA) throw ERR.quota();
    this.quotaUsed += COST[kind];
  }

  private async route(req: IncomingMessage, url: URL, raw: Buffer): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const q = url.searchParams;
    const m = `${req.method} ${url.pathname}`;
    if (m === 'POST /token') {
      const out = this.oauth.token(new URLSearchParams(raw.toString()));
      return { status: out.status, body: out.body };
    }
    if (m === 'POST /upload/youtube/v3/videos' && q.get('uploadType') === 'resumable') return this.openSession(req, url, JSON.parse(raw.toString() || '{}'));
    if (m === 'PUT /upload/youtube/v3/videos') return this.putBytes(req, url, raw);
    if (m === 'GET /v2/reports') return this.report(req, q);
    const { channel } = this.grant(req, req.method === 'GET' ? undefined : FORCE_SSL);
    switch (m) {
      case 'GET /youtube/v3/channels':
        this.spend('list');
        if (q.get('mine') !== 'true') throw new GoogleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: mine, id, forHandle.', 'youtube.parameter');
        return { status: 200, body: { kind: 'youtube#channelListResponse', items: [this.channelResource(channel, q.get('part') ?? '')] } };
      case 'GET /youtube/v3/videos': {
        this.spend('list');
        const ids = (q.get('id') ?? '').split(',').filter(Boolean);
        const items = ids.map((v) => this.live().find((x) => x.id === v)).filter((v): v is FakeVideo => !!v && (v.privacyStatus === 'public' || v.channelId === channel.id));
        return { status: 200, body: { kind: 'youtube#videoListResponse', items: items.map((v) => this.videoResource(v, q.get('part') ?? 'snippet', channel.id)), pageInfo: { totalResults: items.length, resultsPerPage: items.length } } };
      }
      case 'DELETE /youtube/v3/videos': {
        this.spend('write');
        const v = this.live().find((x) => x.id === q.get('id'));
        if (!v) throw ERR.videoNotFound();
        if (v.channelId !== channel.id) throw new GoogleError(403, 'forbidden', 'The video that you are trying to delete cannot be deleted. The request might not be properly authorized.', 'youtube.video');
        v.deleted = true;
        return { status: 204 };
      }
      case 'GET /youtube/v3/playlistItems': {
        this.spend('list');
        const owner = [...this.channels.values()].find((c) => c.uploads === q.get('playlistId'));
        if (!owner) throw new GoogleError(404, 'playlistNotFound', 'The playlist identified with the request\'s <code>playlistId</code> parameter cannot be found.', 'youtube.playlistItem');
        const all = this.live(owner.id).slice().reverse().map((v) => ({
          kind: 'youtube#playlistItem', id: `PL${v.id}`,
          snippet: { publishedAt: v.publishedAt, channelId: v.channelId, title: v.title, description: v.description, playlistId: owner.uploads, resourceId: { kind: 'youtube#video', videoId: v.id } },
        }));
        return { status: 200, body: this.page(all, q, 'youtube#playlistItemListResponse', 50) };
      }
      case 'GET /youtube/v3/commentThreads': return this.listThreads(channel, q);
      case 'POST /youtube/v3/commentThreads': {
        this.spend('write');
        const body = JSON.parse(raw.toString()) as { snippet: { videoId: string; topLevelComment: { snippet: { textOriginal: string } } } };
        const v = this.live().find((x) => x.id === body.snippet.videoId);
        if (!v) throw ERR.videoNotFound();
        if (v.commentsDisabled) throw ERR.commentsDisabled();
        const c = this.commentAs(channel, v.id, body.snippet.topLevelComment.snippet.textOriginal);
        return { status: 200, body: this.threadResource(c, false) };
      }
      case 'POST /youtube/v3/comments': {
        this.spend('write');
        const body = JSON.parse(raw.toString()) as { snippet: { parentId: string; textOriginal: string } };
        const parent = this.comments.find((c) => c.id === body.snippet.parentId && !c.deleted && !c.parentId);
        if (!parent) throw new GoogleError(404, 'parentCommentNotFound', 'The parent comment specified for the <code>parentId</code> property could not be found.', 'youtube.comment');
        return { status: 200, body: this.commentResource(this.commentAs(channel, parent.videoId, body.snippet.textOriginal, parent.id)) };
      }
      case 'POST /youtube/v3/comments/setModerationStatus': {
        this.spend('write');
        const status = q.get('moderationStatus');
        if (status !== 'heldForReview' && status !== 'published' && status !== 'rejected') throw new GoogleError(400, 'invalidModerationStatus', 'The <code>moderationStatus</code> parameter value is invalid.', 'youtube.comment');
        if (q.get('banAuthor') === 'true' && status !== 'rejected') throw ERR.banWithoutReject();
        const ids = (q.get('id') ?? '').split(',');
        const found = ids.map((i) => this.comments.find((c) => c.id === i && !c.deleted));
        if (found.some((c) => !c)) throw ERR.commentNotFound();
        for (const c of found as FakeComment[]) {
          if (this.live().find((v) => v.id === c.videoId)?.channelId !== channel.id) throw ERR.forbidden();
          c.moderationStatus = status;
          if (q.get('banAuthor') === 'true') this.banned.add(`${channel.id}:${c.authorChannelId}`);
        }
        return { status: 204 };
      }
      case 'DELETE /youtube/v3/comments': {
        this.spend('write');
        const c = this.comments.find((x) => x.id === q.get('id') && !x.deleted);
        if (!c) throw ERR.commentNotFound();
        if (c.authorChannelId !== channel.id) throw ERR.forbidden();
        c.deleted = true;
        return { status: 204 };
      }
    }
    throw new GoogleError(404, 'notFound', 'Not Found', 'global');
  }

  /** Authors banned from a channel, as `${channelId}:${authorChannelId}`. */
  banned = new Set<string>();

  private page<T>(all: T[], q: URLSearchParams, kind: string, dflt: number): unknown {
    const size = Math.min(Number(q.get('maxResults') ?? dflt), 100);
    const from = Number(q.get('pageToken') ?? 0);
    const items = all.slice(from, from + size);
    return { kind, items, pageInfo: { totalResults: all.length, resultsPerPage: size }, ...(from + size < all.length ? { nextPageToken: String(from + size) } : {}) };
  }

  private listThreads(channel: FakeChannel, q: URLSearchParams) {
    this.spend('list');
    const moderation = q.get('moderationStatus') ?? 'published';
    let tops: FakeComment[];
    if (q.get('videoId')) {
      const v = this.live().find((x) => x.id === q.get('videoId'));
      if (!v) throw ERR.videoNotFound();
      if (v.commentsDisabled) throw ERR.commentsDisabled();
      tops = this.comments.filter((c) => c.videoId === v.id);
    } else if (q.get('allThreadsRelatedToChannelId')) {
      const cid = q.get('allThreadsRelatedToChannelId');
      if (cid !== channel.id && moderation !== 'published') throw ERR.forbidden();
      const vids = new Set(this.live(cid!).map((v) => v.id));
      tops = this.comments.filter((c) => vids.has(c.videoId));
    } else throw new GoogleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: id, videoId, allThreadsRelatedToChannelId.', 'youtube.parameter');
    tops = tops.filter((c) => !c.parentId && !c.deleted && c.moderationStatus === moderation).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    const withReplies = (q.get('part') ?? '').includes('replies');
    return { status: 200, body: this.page(tops.map((c) => this.threadResource(c, withReplies)), q, 'youtube#commentThreadListResponse', 20) };
  }

  private openSession(req: IncomingMessage, url: URL, resource: Record<string, any>) {
    const { channel } = this.grant(req, 'https://www.googleapis.com/auth/youtube.upload');
    this.spend('insert');
    const title = resource.snippet?.title;
    if (typeof title !== 'string' || !title.trim() || [...title].length > 100 || /[<>]/.test(title)) throw ERR.title();
    const description = resource.snippet?.description ?? '';
    if (Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) throw ERR.description();
    const publishAt = resource.status?.publishAt;
    if (publishAt !== undefined && (resource.status?.privacyStatus !== 'private' || !(Date.parse(publishAt) > Date.now()))) throw ERR.publishAt();
    if (this.uploadLimited.has(channel.id)) throw ERR.uploadLimit();
    const total = Number(req.headers['x-upload-content-length']);
    const s: UploadSession = { id: id(32), channelId: channel.id, resource, total, bytes: Buffer.alloc(0), videoId: null };
    this.sessions.set(s.id, s);
    return { status: 200, body: undefined, headers: { location: `${this.url}${url.pathname}?uploadType=resumable&part=${url.searchParams.get('part') ?? ''}&upload_id=${s.id}` } };
  }

  /** Bytes that arrived for a session; the video exists once all of them did. */
  private receive(url: URL, req: IncomingMessage, bytes: Buffer): UploadSession {
    const s = this.sessions.get(url.searchParams.get('upload_id') ?? '');
    if (!s) throw new GoogleError(404, 'notFound', 'Upload session not found.', 'global');
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (m && !s.videoId) {
      const from = Number(m[1]);
      s.bytes = Buffer.concat([s.bytes.subarray(0, from), bytes]);
      if (s.bytes.length >= s.total) this.createVideo(s);
    }
    return s;
  }

  private putBytes(req: IncomingMessage, url: URL, raw: Buffer) {
    const s = this.receive(url, req, raw);
    const v = s.videoId ? this.videos.find((x) => x.id === s.videoId)! : null;
    if (v) return { status: 200, body: this.videoResource(v, 'snippet,status,processingDetails') };
    return { status: 308, body: undefined, headers: (s.bytes.length ? { range: `bytes=0-${s.bytes.length - 1}` } : {}) as Record<string, string> };
  }

  private createVideo(s: UploadSession): void {
    const r = s.resource;
    const v: FakeVideo = {
      id: id(11), channelId: s.channelId, title: r.snippet.title, description: r.snippet.description ?? '', defaultLanguage: r.snippet.defaultLanguage ?? null,
      privacyStatus: r.status?.privacyStatus ?? 'public', publishAt: r.status?.publishAt ?? null, publishedAt: this.stamp(), likes: 0, views: 0,
      commentsDisabled: false, deleted: false, uploadStatus: 'uploaded', processingStatus: 'processing', failureReason: null, rejectionReason: null,
      processingFailureReason: null, analytics: null,
    };
    this.videos.push(v);
    s.videoId = v.id;
  }

  channelResource(c: FakeChannel, part: string): unknown {
    return {
      kind: 'youtube#channel', id: c.id,
      ...(part.includes('snippet') ? { snippet: { title: c.title, customUrl: c.customUrl, description: '' } } : {}),
      ...(part.includes('statistics') ? { statistics: { viewCount: '0', subscriberCount: String(c.subscribers), hiddenSubscriberCount: false, videoCount: String(this.live(c.id).length) } } : {}),
      ...(part.includes('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: c.uploads } } } : {}),
    };
  }

  /** processingDetails is shown to the video's owner only. */
  videoResource(v: FakeVideo, part: string, viewer = v.channelId): unknown {
    const comments = this.comments.filter((c) => c.videoId === v.id && !c.deleted && c.moderationStatus === 'published').length;
    return {
      kind: 'youtube#video', id: v.id,
      ...(part.includes('snippet') ? { snippet: { publishedAt: v.publishedAt, channelId: v.channelId, title: v.title, description: v.description, ...(v.defaultLanguage ? { defaultLanguage: v.defaultLanguage } : {}) } } : {}),
      ...(part.includes('status') ? {
        status: {
          uploadStatus: v.uploadStatus, ...(v.failureReason ? { failureReason: v.failureReason } : {}), ...(v.rejectionReason ? { rejectionReason: v.rejectionReason } : {}),
          privacyStatus: v.privacyStatus, ...(v.publishAt ? { publishAt: v.publishAt } : {}), license: 'youtube', embeddable: true, publicStatsViewable: true,
        },
      } : {}),
      ...(part.includes('statistics') ? { statistics: { viewCount: String(v.views), likeCount: String(v.likes), favoriteCount: '0', commentCount: String(comments) } } : {}),
      ...(part.includes('processingDetails') && v.channelId === viewer ? {
        processingDetails: {
          processingStatus: v.processingStatus, ...(v.processingFailureReason ? { processingFailureReason: v.processingFailureReason } : {}),
          ...(v.processingStatus === 'processing' ? { processingProgress: { partsTotal: '1000', partsProcessed: '0', timeLeftMs: '60000' } } : {}),
        },
      } : {}),
    };
  }

  commentResource(c: FakeComment): unknown {
    return {
      kind: 'youtube#comment', id: c.id,
      snippet: {
        videoId: c.videoId, textDisplay: c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;'), textOriginal: c.text, authorDisplayName: c.authorDisplayName,
        authorChannelId: { value: c.authorChannelId }, canRate: true, viewerRating: 'none', likeCount: 0, moderationStatus: c.moderationStatus,
        publishedAt: c.publishedAt, updatedAt: c.publishedAt, ...(c.parentId ? { parentId: c.parentId } : {}),
      },
    };
  }

  private threadResource(c: FakeComment, withReplies: boolean): unknown {
    const replies = this.comments.filter((r) => r.parentId === c.id && !r.deleted && r.moderationStatus === 'published');
    const video = this.videos.find((v) => v.id === c.videoId);
    return {
      kind: 'youtube#commentThread', id: c.id,
      snippet: { channelId: video?.channelId, videoId: c.videoId, topLevelComment: this.commentResource(c), canReply: true, totalReplyCount: replies.length, isPublic: true },
      ...(withReplies && replies.length ? { replies: { comments: replies.map((r) => this.commentResource(r)) } } : {}),
    };
  }

  /** YouTube Analytics API v2 reports.query for a channel: its totals, or one row per video with `dimensions=video`. */
  private report(req: IncomingMessage, q: URLSearchParams) {
    const { channel } = this.grant(req, 'https://www.googleapis.com/auth/yt-analytics.readonly');
    if (this.analyticsQuotaExceeded) throw ERR.analyticsQuota();
    for (const p of ['ids', 'startDate', 'endDate', 'metrics']) if (!q.get(p)) throw new GoogleError(400, 'required', `Required parameter: ${p}`, 'global');
    if (q.get('ids') !== 'channel==MINE' && q.get('ids') !== `channel==${channel.id}`) throw ERR.forbidden();
    const metrics = q.get('metrics')!.split(',');
    const unknown = metrics.find((m) => !ANALYTICS_METRICS.includes(m));
    if (unknown) throw new GoogleError(400, 'badRequest', `Unknown identifier (${unknown}) given in field parameters.metrics.`, 'global');
    const dimensions = (q.get('dimensions') ?? '').split(',').filter(Boolean);
    if (dimensions.some((d) => d !== 'video')) throw new GoogleError(400, 'badRequest', `Unknown identifier (${dimensions.find((d) => d !== 'video')}) given in field parameters.dimensions.`, 'global');
    const filter = /^video==([\w-]+(?:,[\w-]+)*)$/.exec(q.get('filters') ?? '');
    if (q.get('filters') && !filter) throw ERR.analyticsUnsupported();
    const maxResults = Number(q.get('maxResults') ?? 0);
    if (dimensions.length && (!q.get('sort')?.startsWith('-') || !(maxResults > 0 && maxResults <= 200))) throw ERR.analyticsUnsupported();
    const wanted = filter ? new Set(filter[1].split(',')) : null;
    const videos = this.live(channel.id).filter((v) => v.analytics && (!wanted || wanted.has(v.id)));
    const value = (vs: FakeVideo[], m: string): number => {
      if (m === 'views') return vs.reduce((n, v) => n + v.views, 0);
      if (m === 'likes') return vs.reduce((n, v) => n + v.likes, 0);
      if (m === 'comments') return this.comments.filter((c) => !c.deleted && vs.some((v) => v.id === c.videoId)).length;
      if (m === 'averageViewDuration') {
        const watched = vs.reduce((n, v) => n + v.analytics!.estimatedMinutesWatched, 0);
        const views = vs.reduce((n, v) => n + v.views, 0);
        return views ? Math.round((watched * 60) / views) : 0;
      }
      return vs.reduce((n, v) => n + v.analytics![m as keyof FakeVideoAnalytics], 0);
    };
    let rows: (string | number)[][];
    if (dimensions.length) {
      rows = videos.map((v) => [v.id, ...metrics.map((m) => value([v], m))]);
      const key = q.get('sort')!.slice(1);
      const at = metrics.indexOf(key) + 1;
      if (at === 0) throw ERR.analyticsUnsupported();
      rows = rows.sort((a, b) => Number(b[at]) - Number(a[at])).slice(0, maxResults);
    } else {
      // A channel's totals are one row, zeros included.
      rows = [metrics.map((m) => value(videos, m))];
    }
    return {
      status: 200,
      body: {
        kind: 'youtubeAnalytics#resultTable',
        columnHeaders: [
          ...dimensions.map((name) => ({ name, columnType: 'DIMENSION', dataType: 'STRING' })),
          ...metrics.map((name) => ({ name, columnType: 'METRIC', dataType: 'INTEGER' })),
        ],
        ...(rows.length ? { rows } : {}),
      },
    };
  }
}
