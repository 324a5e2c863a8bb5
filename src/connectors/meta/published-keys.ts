import type { PublishedPost } from '../types.js';

/**
 * Idempotency keys already published by this connector, so that a retry names the same post. Graph has no
 * idempotency key of its own. Bounded: a connector lives for one job run or one worker; the oldest keys go first.
 */
export class PublishedKeys {
  private readonly done = new Map<string, PublishedPost>();

  constructor(private readonly max = 500) {}

  /** The post published under `key`, told as already existing. */
  get(key: string): PublishedPost | null {
    const known = this.done.get(key);
    return known ? { ...known, alreadyExisted: true } : null;
  }

  remember(key: string, post: PublishedPost): PublishedPost {
    this.done.set(key, post);
    if (this.done.size > this.max) this.done.delete(this.done.keys().next().value!);
    return post;
  }
}
