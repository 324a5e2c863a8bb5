import type { z } from 'zod';
import type { Author, Comment, PublishedPost } from '../types.js';
import { htmlToText } from './html-text.js';
import type { Account, Status } from './schemas.js';

export { htmlToText };

export const toAuthor = (a: z.infer<typeof Account>): Author => ({
  id: a.id,
  handle: a.acct,
  displayName: a.display_name || null,
});

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
