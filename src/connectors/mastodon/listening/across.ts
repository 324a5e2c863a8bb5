/**
 * One hashtag read on several instances at once. Each instance knows the posts its members wrote or received, so
 * reading a few gives a wider view; a post federated to several of them is listed once, by its uri. The copy read
 * on the post's own instance is kept, as its counts are the true ones (others only count what they saw).
 * Each instance answers for itself, as a bulk operation does: one failing never hides the others' posts.
 */
import type { ListeningPost } from '../../../modules/listening/types.js';
import { dedupeByUri } from './dedupe.js';
import { readHashtagTimeline, type HashtagTimelineOptions } from './timeline.js';

export interface InstanceCursor {
  instanceUrl: string;
  minId: string | null;
  accessToken?: string | null;
}

export interface InstanceRead {
  instanceUrl: string;
  /** The cursor to save for this instance: unchanged when it failed. */
  minId: string | null;
  /** How many of the posts came from this instance, before de-duplication. */
  read: number;
  error?: unknown;
}

export interface HashtagAcrossOptions extends Pick<HashtagTimelineOptions, 'tag' | 'fetch' | 'limit' | 'maxPages' | 'now'> {
  instances: InstanceCursor[];
}

export async function readHashtagAcross(opts: HashtagAcrossOptions): Promise<{ posts: ListeningPost[]; instances: InstanceRead[] }> {
  const { instances, ...shared } = opts;
  const reads = await Promise.all(instances.map(async (i) => {
    try {
      const page = await readHashtagTimeline({ ...shared, ...i });
      return { posts: page.posts, read: { instanceUrl: i.instanceUrl, minId: page.minId, read: page.posts.length } };
    } catch (error) {
      return { posts: [], read: { instanceUrl: i.instanceUrl, minId: i.minId, read: 0, error } };
    }
  }));
  const origin = new Map<ListeningPost, string>();
  for (const [n, r] of reads.entries()) for (const p of r.posts) origin.set(p, new URL(instances[n].instanceUrl).host);
  const readAtHome = (p: ListeningPost) => hostOf(p.uri) === origin.get(p);
  const posts = dedupeByUri(reads.flatMap((r) => r.posts), (candidate, kept) => readAtHome(candidate) && !readAtHome(kept));
  return { posts, instances: reads.map((r) => r.read) };
}

function hostOf(uri: string): string | null {
  try {
    return new URL(uri).host;
  } catch {
    return null;
  }
}
