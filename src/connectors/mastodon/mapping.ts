import type { z } from 'zod';
import type { Author, Comment, PublishedPost } from '../types.js';
import type { Account, Status } from './schemas.js';

export const toAuthor = (a: z.infer<typeof Account>): Author => ({
  id: a.id,
  handle: a.acct,
  displayName: a.display_name || null,
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Status content is HTML; this gives back the text as the author typed it, closely enough to show and compare. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m))
    .trim();
}

export const toPublished = (s: Status, alreadyExisted: boolean): PublishedPost => ({
  ref: { id: s.id },
  url: s.url ?? null,
  text: htmlToText(s.content),
  createdAt: s.created_at,
  alreadyExisted,
});

export const toComment = (s: Status): Comment => ({
  ref: { id: s.id },
  author: toAuthor(s.account),
  text: htmlToText(s.content),
  createdAt: s.created_at,
  inReplyTo: s.in_reply_to_id ? { id: s.in_reply_to_id } : null,
});
