import type { MatchedMention } from './mention-store.js';
import type { NormalizedPost } from './normalize.js';

/** One author of a batch: what their latest post in it says, and when they were first and last seen in it. */
export interface BatchAuthor {
  p: NormalizedPost;
  first: number;
  last: number;
}

/**
 * One row per author of the batch, sorted by network and id: two batches upserting the same authors then take
 * their row locks in the same order, never crossed.
 */
export function authorsOf(mentions: readonly MatchedMention[]): BatchAuthor[] {
  const latest = new Map<string, BatchAuthor>();
  for (const { post } of mentions) {
    const key = `${post.network}\n${post.author.externalId}`;
    const seen = latest.get(key);
    if (!seen) latest.set(key, { p: post, first: post.createdAt, last: post.createdAt });
    else {
      seen.first = Math.min(seen.first, post.createdAt);
      if (post.createdAt >= seen.last) seen.p = post;
      seen.last = Math.max(seen.last, post.createdAt);
    }
  }
  return [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, a]) => a);
}
