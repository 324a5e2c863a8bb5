import type { Comment as RucheComment, PostRef } from '../types.js';
import { encodeUrn, type LinkedInHttp } from './http.js';
import { littleToPlain } from './little-text.js';
import { CommentList } from './schemas.js';

const MAX_PAGES = 10;
const PAGE = 100;

/** /rest/socialActions/{urn}/comments, oldest first, with the author as LinkedIn names it (person or organisation URN). */
export async function readLinkedInComments(http: LinkedInHttp, post: PostRef): Promise<RucheComment[]> {
  const out: RucheComment[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const list = CommentList.parse((await http.call(`/socialActions/${encodeUrn(post.id)}/comments`, { query: `start=${page * PAGE}&count=${PAGE}` })).json);
    for (const c of list.elements) {
      const id = c.commentUrn ?? c.$URN ?? c.id ?? '';
      const authorId = c.actor.replace(/^urn:li:(?:person|organization):/, '');
      out.push({
        ref: { id },
        author: { id: authorId, handle: authorId, displayName: null },
        text: littleToPlain(c.message.text),
        createdAt: new Date(c.created.time).toISOString(),
        inReplyTo: c.parentComment ? { id: c.parentComment } : post,
      });
    }
    if (list.elements.length < PAGE) break;
  }
  return out;
}
