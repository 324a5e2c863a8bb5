/** YouTube resources as the connector reads them. */
import type { Comment, PostMetrics, PublishedPost } from '../types.js';
import type { Read, WatchFigures } from './analytics.js';
import { notYetMissing } from './analytics.js';

export interface YtVideo {
  id: string;
  snippet?: { title?: string; description?: string; publishedAt?: string; channelId?: string };
  status?: { privacyStatus?: string; publishAt?: string; uploadStatus?: string; failureReason?: string; rejectionReason?: string };
  statistics?: { viewCount?: string; likeCount?: string; commentCount?: string };
  processingDetails?: { processingStatus?: string; processingFailureReason?: string };
}

export interface YtComment {
  id: string;
  snippet: {
    textOriginal?: string; textDisplay?: string; authorDisplayName?: string; authorChannelId?: { value?: string };
    parentId?: string; videoId?: string; publishedAt?: string;
  };
}

export interface YtThread {
  id: string;
  snippet: { videoId?: string; topLevelComment: YtComment; totalReplyCount?: number };
  replies?: { comments?: YtComment[] };
}

export interface YtList<T> {
  items?: T[];
  nextPageToken?: string;
}

export const videoUrl = (id: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;

export function toPublished(v: YtVideo, alreadyExisted: boolean): PublishedPost {
  return { ref: { id: v.id }, url: videoUrl(v.id), text: v.snippet?.description ?? '', createdAt: v.snippet?.publishedAt ?? new Date().toISOString(), alreadyExisted };
}

export function toComment(c: YtComment, videoId: string | null): Comment {
  const parent = c.snippet.parentId ?? videoId ?? c.snippet.videoId ?? null;
  return {
    ref: { id: c.id },
    author: { id: c.snippet.authorChannelId?.value ?? '', handle: c.snippet.authorDisplayName ?? '', displayName: c.snippet.authorDisplayName ?? null },
    text: c.snippet.textOriginal ?? c.snippet.textDisplay ?? '',
    createdAt: c.snippet.publishedAt ?? '',
    inReplyTo: parent ? { id: parent } : null,
  };
}

/** The Data API's live counts, with YouTube Analytics' viewing figures (or why they are missing). */
export function toMetrics(v: YtVideo, watched: Read<Map<string, WatchFigures>>): PostMetrics {
  const s = v.statistics ?? {};
  const counts = { replies: Number(s.commentCount ?? 0), reposts: 0, likes: Number(s.likeCount ?? 0), quotes: null, views: s.viewCount === undefined ? null : Number(s.viewCount) };
  const figures = watched.ok ? watched.value.get(v.id) : undefined;
  if (figures) return { ...counts, ...figures };
  const none = { watchMinutes: null, averageViewSeconds: null, shares: null, followersGained: null };
  return { ...counts, ...none, ...(watched.ok ? { missing: notYetMissing, missingWhy: 'not_yet' as const } : { missing: watched.missing, missingWhy: watched.why }) };
}
