import type { InboundItem, PublishedPost } from '../types.js';

export interface IgMedia {
  id: string;
  caption?: string;
  timestamp: string;
  permalink?: string;
  media_type?: string;
  media_url?: string;
  thumbnail_url?: string;
  like_count?: number;
  comments_count?: number;
}

export interface IgComment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  from?: { id: string; username?: string };
  parent_id?: string;
}

export const MEDIA_FIELDS = 'id,caption,timestamp,permalink,media_type';
export const COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';

export const isoTime = (t: string): string => new Date(t.replace(/\+0000$/, 'Z')).toISOString();

export const publishedMedia = (m: IgMedia, alreadyExisted: boolean): PublishedPost => ({
  ref: { id: m.id }, url: m.permalink ?? null, text: m.caption ?? '', createdAt: isoTime(m.timestamp), alreadyExisted,
});

export const inboundIgComment = (c: IgComment, mediaId: string): InboundItem => ({
  kind: 'reply',
  ref: { id: c.id },
  author: { id: c.from?.id ?? c.username ?? '', handle: c.from?.username ?? c.username ?? '', displayName: null, avatarUrl: null, followers: null, createdAt: null },
  text: c.text ?? '',
  createdAt: isoTime(c.timestamp),
  url: null,
  parent: { id: c.parent_id ?? mediaId },
  root: { id: mediaId },
  conversationId: null,
  quoted: null,
  languages: [],
  context: [],
});
