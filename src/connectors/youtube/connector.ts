/**
 * A YouTube channel through the Data API v3: a post is a video (title, description, privacy, publishAt), replies
 * are comments, moderation is setModerationStatus. YouTube has no idempotency key: the resumable upload is never
 * sent twice, and a lost outcome is looked up among the channel's uploads. Watch time and subscribers gained come
 * from the YouTube Analytics API (analytics.ts); what YouTube does with an upload afterwards, from processing.ts.
 */
import { ConnectorError } from '../errors.js';
import { assertPublishable, graphemeLength } from '../text.js';
import type {
  AccountInfo, Author, Capability, Comment, Connector, ConnectorDeps, ExistingHint, NetworkLimits, NetworkProcessing, OutgoingPost,
  Page, PostMetrics, PostRef, PublishedPost, TextCount,
} from '../types.js';
import { countWith } from '../text.js';
import { YouTubeApi, YtUnanswered } from './http.js';
import { YOUTUBE_CAPABILITIES, YOUTUBE_DESCRIPTION_MAX_BYTES, YOUTUBE_LIMITS, YOUTUBE_TITLE_MAX } from './limits.js';
import { insertVideo } from './upload.js';
import { channelFigures, videoFigures } from './analytics.js';
import { processingOf } from './processing.js';
import { channelHandle } from './channel-handle.js';
import { toComment, toMetrics, toPublished, type YtComment, type YtList, type YtThread, type YtVideo } from './videos.js';

interface YtChannel {
  id: string;
  snippet?: { title?: string; customUrl?: string };
  statistics?: { subscriberCount?: string; videoCount?: string; hiddenSubscriberCount?: boolean };
  contentDetails?: { relatedPlaylists?: { uploads?: string } };
}

/** A title from the description's first line when the composer gave none: YouTube requires one. */
export function titleFor(post: OutgoingPost): string {
  const given = post.options?.title?.trim() || post.text.split('\n')[0].trim() || 'Video';
  const chars = [...given];
  return chars.length > YOUTUBE_TITLE_MAX ? `${chars.slice(0, YOUTUBE_TITLE_MAX - 1).join('')}…` : given;
}

export class YouTubeConnector implements Connector {
  readonly network = 'youtube' as const;
  readonly capabilities: ReadonlySet<Capability> = YOUTUBE_CAPABILITIES;
  private readonly api: YouTubeApi;

  constructor(deps: ConnectorDeps) {
    this.api = new YouTubeApi(deps);
  }

  async limits(): Promise<NetworkLimits> {
    return YOUTUBE_LIMITS;
  }

  async countText(text: string): Promise<TextCount> {
    return countWith(YOUTUBE_LIMITS.text, text);
  }

  async account(): Promise<AccountInfo> {
    const ch = await this.channel();
    const s = ch.statistics ?? {};
    return {
      id: ch.id, handle: channelHandle(ch), displayName: ch.snippet?.title ?? null,
      followers: s.hiddenSubscriberCount || s.subscriberCount === undefined ? null : Number(s.subscriberCount),
      following: null, posts: s.videoCount === undefined ? null : Number(s.videoCount),
    };
  }

  /** The channel's counts, with its minutes watched and subscribers gained from YouTube Analytics. */
  async accountMetrics(): Promise<AccountInfo> {
    // One after the other: a token renewed by the first call serves the second, instead of both renewing it.
    const info = await this.account();
    const watched = await channelFigures(this.api);
    if (watched.ok) return { ...info, watchMinutes: watched.value.watchMinutes, followersGained: watched.value.followersGained };
    return { ...info, watchMinutes: null, followersGained: null, missing: watched.missing, missingWhy: watched.why };
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    if (post.replyTo) return this.reply(post);
    const media = post.media ?? [];
    // Said before the generic checks: "is one video" tells the user more than "does not accept image/png".
    if (media.length !== 1 || !media[0].mimeType.startsWith('video/')) throw new ConnectorError('youtube', 'rejected', 'A YouTube post is one video: add a video, or leave YouTube out of this post.');
    assertPublishable('youtube', YOUTUBE_LIMITS, post);
    // videos#snippet.description: at most 5,000 bytes in UTF-8, which accented or emoji text reaches before 5,000 characters.
    const bytes = Buffer.byteLength(post.text, 'utf8');
    if (bytes > YOUTUBE_DESCRIPTION_MAX_BYTES) throw new ConnectorError('youtube', 'rejected', `The description is ${bytes} bytes long in UTF-8; YouTube allows ${YOUTUBE_DESCRIPTION_MAX_BYTES}.`);
    const title = post.options?.title?.trim();
    if (title && graphemeLength(title) > YOUTUBE_TITLE_MAX) throw new ConnectorError('youtube', 'rejected', `The title is ${graphemeLength(title)} characters long; YouTube allows ${YOUTUBE_TITLE_MAX}.`);
    if (/[<>]/.test(post.text) || /[<>]/.test(title ?? '')) throw new ConnectorError('youtube', 'rejected', 'YouTube refuses the characters < and > in a title or description.');
    const publishAt = post.options?.publishAt;
    if (publishAt && post.options?.privacy && post.options.privacy !== 'private') {
      throw new ConnectorError('youtube', 'rejected', 'A video YouTube publishes at a set time must be uploaded as private.');
    }
    const status: Record<string, unknown> = { privacyStatus: publishAt ? 'private' : post.options?.privacy ?? 'public', selfDeclaredMadeForKids: false };
    if (publishAt) status.publishAt = new Date(publishAt).toISOString();
    const snippet: Record<string, unknown> = { title: titleFor(post), description: post.text };
    if (post.languages?.[0]) snippet.defaultLanguage = post.languages[0];
    const video = await insertVideo(this.api, { snippet, status }, media[0]);
    return { ...toPublished(video, false), text: post.text };
  }

  /** A comment on a video, or an answer to a comment. */
  private async reply(post: OutgoingPost): Promise<PublishedPost> {
    const target = post.replyTo!.id;
    const video = (await this.videos([target]))[0];
    const comment = await this.write(() => video
      ? this.api.call<YtThread>('/youtube/v3/commentThreads', { method: 'POST', query: { part: 'snippet' }, json: { snippet: { videoId: target, topLevelComment: { snippet: { textOriginal: post.text } } } } })
        .then((t) => t.snippet.topLevelComment)
      : this.api.call<YtComment>('/youtube/v3/comments', { method: 'POST', query: { part: 'snippet' }, json: { snippet: { parentId: target, textOriginal: post.text } } }));
    return { ref: { id: comment.id }, url: null, text: post.text, createdAt: comment.snippet.publishedAt ?? new Date(this.api.now()).toISOString(), alreadyExisted: false };
  }

  /** The channel's uploads (newest first, from its uploads playlist) matched on description, and title when given. */
  async findExisting(_key: string, hint?: ExistingHint): Promise<PublishedPost | null> {
    if (!hint) throw new ConnectorError('youtube', 'unknown_outcome', 'YouTube cannot look a video up without its description.');
    const uploads = (await this.channel()).contentDetails?.relatedPlaylists?.uploads;
    if (!uploads) return null;
    const notBefore = hint.notBefore ? Date.parse(hint.notBefore) : 0;
    let pageToken: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await this.read(() => this.api.call<YtList<{ snippet: { resourceId: { videoId: string }; description?: string; publishedAt?: string } }>>('/youtube/v3/playlistItems', {
        query: { part: 'snippet', playlistId: uploads, maxResults: 50, pageToken },
      }));
      for (const item of res.items ?? []) {
        if (notBefore && Date.parse(item.snippet.publishedAt ?? '') < notBefore) return null;
        if ((item.snippet.description ?? '') === hint.text) {
          const [video] = await this.videos([item.snippet.resourceId.videoId]);
          // An upload YouTube refused or failed is not the post: a retry after it uploads again.
          if (video && video.status?.uploadStatus !== 'rejected' && video.status?.uploadStatus !== 'failed') return toPublished(video, true);
        }
      }
      pageToken = res.nextPageToken;
      if (!pageToken) return null;
    }
    throw new ConnectorError('youtube', 'unknown_outcome', 'Too many uploads on the channel to be sure whether this video was published.');
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    const [v] = await this.videos([ref.id]);
    return v ? toPublished(v, true) : null;
  }

  /** Where YouTube stands with an upload: still processing, ready, failed or rejected (videos.list, 1 unit). */
  async processing(ref: PostRef): Promise<NetworkProcessing | null> {
    const [v] = await this.videos([ref.id], 'processingDetails,status');
    if (!v || v.status?.uploadStatus === 'deleted') return null;
    return processingOf(v);
  }

  async delete(ref: PostRef): Promise<void> {
    try {
      await this.write(() => this.api.call('/youtube/v3/videos', { method: 'DELETE', query: { id: ref.id } }));
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'gone') return;
      throw err;
    }
  }

  async readComments(post: PostRef): Promise<Comment[]> {
    const out: Comment[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await this.read(() => this.api.call<YtList<YtThread>>('/youtube/v3/commentThreads', {
        query: { part: 'snippet,replies', videoId: post.id, maxResults: 100, order: 'time', textFormat: 'plainText', pageToken },
      }));
      for (const t of res.items ?? []) {
        out.push(toComment(t.snippet.topLevelComment, post.id));
        for (const r of t.replies?.comments ?? []) out.push(toComment(r, post.id));
      }
      pageToken = res.nextPageToken;
      if (!pageToken) break;
    }
    return out;
  }

  /** New comments anywhere on the channel (commentThreads allThreadsRelatedToChannelId); the cursor is the newest time read. */
  async readMentions(cursor?: string): Promise<Page<Comment>> {
    const since = cursor ? Date.parse(cursor) : 0;
    const items: Comment[] = [];
    let newest = cursor ?? null;
    let pageToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await this.read(() => this.api.call<YtList<YtThread>>('/youtube/v3/commentThreads', {
        query: { part: 'snippet', allThreadsRelatedToChannelId: this.api.creds.channelId, maxResults: 100, order: 'time', textFormat: 'plainText', pageToken },
      }));
      let older = false;
      for (const t of res.items ?? []) {
        const c = toComment(t.snippet.topLevelComment, t.snippet.videoId ?? null);
        if (Date.parse(c.createdAt) <= since) {
          older = true;
          break;
        }
        items.push(c);
        if (!newest || Date.parse(c.createdAt) > Date.parse(newest)) newest = c.createdAt;
      }
      pageToken = res.nextPageToken;
      if (older || !pageToken) break;
    }
    return { items, cursor: newest };
  }

  async hideComment(_post: PostRef, comment: PostRef): Promise<void> {
    await this.moderate(comment.id, 'heldForReview');
  }

  async deleteComment(comment: PostRef): Promise<void> {
    await this.moderate(comment.id, 'rejected');
  }

  /** YouTube bans through a comment: the author's latest comment on the channel is rejected with banAuthor. */
  async banAuthor(author: Author): Promise<void> {
    const res = await this.read(() => this.api.call<YtList<YtThread>>('/youtube/v3/commentThreads', {
      query: { part: 'snippet', allThreadsRelatedToChannelId: this.api.creds.channelId, maxResults: 100, order: 'time' },
    }));
    const theirs = (res.items ?? []).find((t) => t.snippet.topLevelComment.snippet.authorChannelId?.value === author.id);
    if (!theirs) throw new ConnectorError('youtube', 'rejected', 'YouTube bans an author through one of their comments on the channel; none was found.');
    await this.moderate(theirs.snippet.topLevelComment.id, 'rejected', true);
  }

  async postMetrics(posts: PostRef[]): Promise<(PostMetrics | null)[]> {
    const found = new Map((await this.videos(posts.map((p) => p.id))).map((v) => [v.id, v]));
    // Only videos the Data API still has: a deleted one is null, not a question for YouTube Analytics.
    const watched = found.size ? await videoFigures(this.api, [...found.keys()]) : { ok: true as const, value: new Map() };
    return posts.map((p) => {
      const v = found.get(p.id);
      return v ? toMetrics(v, watched) : null;
    });
  }

  private async moderate(id: string, moderationStatus: 'heldForReview' | 'rejected', banAuthor = false): Promise<void> {
    await this.write(() => this.api.call('/youtube/v3/comments/setModerationStatus', {
      method: 'POST', query: { id, moderationStatus, banAuthor: banAuthor || undefined },
    }));
  }

  private async videos(ids: string[], part = 'snippet,status,statistics'): Promise<YtVideo[]> {
    const out: YtVideo[] = [];
    for (let i = 0; i < ids.length; i += 50) {
      const res = await this.read(() => this.api.call<YtList<YtVideo>>('/youtube/v3/videos', { query: { part, id: ids.slice(i, i + 50).join(','), maxResults: 50 } }));
      out.push(...(res.items ?? []));
    }
    return out;
  }

  private async channel(): Promise<YtChannel> {
    const res = await this.read(() => this.api.call<YtList<YtChannel>>('/youtube/v3/channels', { query: { part: 'snippet,statistics,contentDetails', mine: true } }));
    const ch = res.items?.find((c) => c.id === this.api.creds.channelId) ?? res.items?.[0];
    if (!ch) throw new ConnectorError('youtube', 'gone', 'This Google account no longer has the YouTube channel: connect it again.');
    return ch;
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof YtUnanswered) throw new ConnectorError('youtube', 'transient', err.message, { networkCode: 'no_answer', cause: err });
      throw err;
    }
  }

  /** A write whose answer was lost may have happened. */
  private async write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof YtUnanswered) throw new ConnectorError('youtube', 'unknown_outcome', `${err.message} The change may or may not be made.`, { cause: err });
      throw err;
    }
  }
}
