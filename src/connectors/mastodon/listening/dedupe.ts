import type { ListeningPost } from '../../../modules/listening/types.js';

/**
 * One post per uri, in first-seen order. Where several copies were read (one per instance that carries it), the
 * copy `preferred` says is better replaces the kept one in place.
 */
export function dedupeByUri(posts: Iterable<ListeningPost>, preferred: (a: ListeningPost, b: ListeningPost) => boolean = () => false): ListeningPost[] {
  const byUri = new Map<string, ListeningPost>();
  for (const post of posts) {
    const kept = byUri.get(post.uri);
    if (!kept || preferred(post, kept)) byUri.set(post.uri, post);
  }
  return [...byUri.values()];
}
