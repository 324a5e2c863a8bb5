import type { AppContext } from '../../context.js';
import type { PendingTarget, PostToPublish } from './loaders.js';
import { readPendingTargets, readPosts } from './loaders.js';
import { reserveAhead } from './pacing/budget.js';
import type { NetworkId } from '../../connectors/types.js';

/** How long before a post is due its job is claimed and what it sends is read. */
export const PUBLISH_LOOKAHEAD_MS = 5_000;
// What was read ahead is used once, and only soon after: later the job reads afresh.
const KEEP_MS = PUBLISH_LOOKAHEAD_MS + 30_000;
const READ_SLICE = 500;

interface ReadAhead {
  post: PostToPublish;
  targets: PendingTarget[];
  until: number;
}

const byContext = new WeakMap<AppContext, Map<string, ReadAhead>>();

function cacheOf(ctx: AppContext): Map<string, ReadAhead> {
  let cache = byContext.get(ctx);
  if (!cache) byContext.set(ctx, (cache = new Map()));
  return cache;
}

/**
 * Reads the posts of a burst before their time (their jobs are held by this worker meanwhile), so that at the
 * planned minute a post only has to pass its gate and go out. Nothing read here is trusted on its own: the
 * claim at the planned time checks again, in the database, that the post is the same version and may go.
 */
export async function readAhead(ctx: AppContext, postIds: string[]): Promise<void> {
  const cache = cacheOf(ctx);
  const now = ctx.clock.now();
  for (const [id, entry] of cache) if (entry.until < now) cache.delete(id);
  const held: PendingTarget[] = [];
  for (let i = 0; i < postIds.length; i += READ_SLICE) {
    const ids = postIds.slice(i, i + READ_SLICE);
    const [posts, targets] = await Promise.all([readPosts(ctx.store.db, ids), readPendingTargets(ctx.store.db, ids)]);
    const targetsOf = new Map<string, PendingTarget[]>();
    for (const t of targets) {
      const list = targetsOf.get(t.post_id);
      if (list) list.push(t);
      else targetsOf.set(t.post_id, [t]);
    }
    for (const post of posts) cache.set(post.id, { post, targets: targetsOf.get(post.id) ?? [], until: now + KEEP_MS });
    held.push(...targets);
  }
  // One reservation for all the posts claimed together, each account asking for all it holds of them.
  await reserveAhead(ctx, postsPerAccount(held, now), now);
}

/**
 * What each account will send of these posts (a post and its thread's parts; posts with media ask at their time),
 * and from when: the latest of their planned times.
 */
function postsPerAccount(targets: PendingTarget[], now: number) {
  const wants = new Map<string, { accountId: string; network: NetworkId; posts: number; at: number }>();
  for (const t of targets) {
    if (Number(t.media_count) > 0) continue;
    const parts = 1 + (JSON.parse(t.thread) as unknown[]).length;
    const at = Math.max(now, Number(t.scheduled_at ?? now));
    const w = wants.get(t.account_id);
    if (w) {
      w.posts += parts;
      w.at = Math.max(w.at, at);
    } else wants.set(t.account_id, { accountId: t.account_id, network: t.network as NetworkId, posts: parts, at });
  }
  return [...wants.values()];
}

/** What was read ahead for this post, once; undefined when nothing was or it is too old. */
export function takeReadAhead(ctx: AppContext, postId: string): ReadAhead | undefined {
  const cache = cacheOf(ctx);
  const entry = cache.get(postId);
  if (!entry) return undefined;
  cache.delete(postId);
  return entry.until >= ctx.clock.now() ? entry : undefined;
}
