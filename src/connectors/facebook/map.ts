import type { Comment, InboundItem, PostMetrics, PublishedPost } from '../types.js';

export interface FbPost {
  id: string;
  message?: string;
  created_time: string;
  permalink_url?: string;
  full_picture?: string;
  from?: { id: string; name?: string };
  comments?: { summary?: { total_count?: number } };
  reactions?: { summary?: { total_count?: number } };
  shares?: { count?: number };
}

export interface FbComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  parent?: { id: string };
  permalink_url?: string;
}

export const POST_FIELDS = 'id,message,created_time,permalink_url';
export const COUNT_FIELDS = 'comments.summary(true).limit(0),reactions.summary(true).limit(0),shares';
export const COMMENT_FIELDS = 'id,message,created_time,from{id,name},parent{id},permalink_url';

/** Graph answers `created_time` as 2026-12-05T16:00:00+0000. */
export const isoTime = (t: string): string => new Date(t.replace(/\+0000$/, 'Z')).toISOString();

export const published = (p: FbPost, alreadyExisted: boolean): PublishedPost => ({
  ref: { id: p.id }, url: p.permalink_url ?? null, text: p.message ?? '', createdAt: isoTime(p.created_time), alreadyExisted,
});

export const counts = (p: FbPost, views: number | null): PostMetrics => ({
  replies: p.comments?.summary?.total_count ?? 0,
  reposts: p.shares?.count ?? 0,
  likes: p.reactions?.summary?.total_count ?? 0,
  quotes: null,
  views,
});

export const comment = (c: FbComment, postId: string): Comment => ({
  ref: { id: c.id },
  author: { id: c.from?.id ?? '', handle: c.from?.id ?? '', displayName: c.from?.name ?? null },
  text: c.message ?? '',
  createdAt: isoTime(c.created_time),
  inReplyTo: { id: c.parent?.id ?? postId },
});

export const inboundComment = (c: FbComment, postId: string): InboundItem => ({
  kind: 'reply',
  ref: { id: c.id },
  author: { id: c.from?.id ?? '', handle: c.from?.id ?? '', displayName: c.from?.name ?? null, avatarUrl: null, followers: null, createdAt: null },
  text: c.message ?? '',
  createdAt: isoTime(c.created_time),
  url: c.permalink_url ?? null,
  parent: { id: c.parent?.id ?? postId },
  root: { id: postId },
  conversationId: null,
  quoted: null,
  languages: [],
  context: [],
});
