/**
 * Posts read from a stream, handed to the handler in batches, one batch at a time. The position handed with a
 * batch is one the stream can resume from without losing a post: the last event fully read before the first post
 * left behind. When the handler falls behind, the queue says so once (`overflow`) and the stream stops reading
 * until it is drained; when the handler fails, the queue is dropped and the stream reads it again from `acked`.
 */
import type { ListeningPost } from '../../../modules/listening/types.js';
import type { BatchLimits } from './types.js';

interface Entry {
  post: ListeningPost;
  /** The position when this post's event began: everything before it was read. */
  before: number | null;
}

export interface BatcherEvents {
  overflow(): void;
  failed(err: unknown): void;
  handed(posts: number, cursor: number): void;
}

export class PostBatcher {
  private queue: Entry[] = [];
  private latest: number | null;
  /** The position of the last batch the handler accepted. */
  acked: number | null;
  private handing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private firstQueuedAt = 0;
  private lastHandedAt: number;
  private overflowed = false;
  private stopped = false;
  private draining = false;

  constructor(
    start: number | null,
    private readonly onPosts: (posts: ListeningPost[], cursor: string) => Promise<void>,
    private readonly limits: BatchLimits,
    private readonly events: BatcherEvents,
    private readonly now: () => number,
  ) {
    this.latest = start;
    this.acked = start;
    this.lastHandedAt = now();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** A post whose event is not over yet: its position comes with `advance`. */
  add(post: ListeningPost): void {
    if (this.stopped) return;
    if (this.queue.length === 0) this.firstQueuedAt = this.now();
    this.queue.push({ post, before: this.latest });
    if (this.queue.length > this.limits.maxQueued && !this.overflowed) {
      this.overflowed = true;
      this.events.overflow();
    }
    // Handed on when its event ends (`advance`), so a full batch carries the position right after it.
    this.schedule();
  }

  /** Every event up to `cursor` was read. */
  advance(cursor: number): void {
    if (this.stopped) return;
    if (this.latest === null || cursor > this.latest) this.latest = cursor;
    this.kick();
  }

  /** Hands over everything read so far, then resolves (false when the handler failed on the way). */
  async drain(): Promise<boolean> {
    this.draining = true;
    try {
      for (;;) {
        if (this.handing) {
          await this.handing;
          continue;
        }
        if (this.stopped) return false;
        this.kick();
        if (!this.handing) return true;
      }
    } finally {
      this.draining = false;
      this.overflowed = false;
    }
  }

  /** Forgets what was read and not handed over: the stream reads it again from `acked`. */
  discard(): void {
    this.queue = [];
    this.latest = this.acked;
    this.overflowed = false;
    this.stopped = false;
  }

  /** The server's positions started again: the next one read is the first. */
  forgetPosition(): void {
    this.latest = null;
    this.acked = null;
  }

  /** No more batches; resolves once the one being handled, if any, is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.handing;
  }

  private ready(): boolean {
    if (this.queue.length >= this.limits.maxPosts || this.draining) return this.queue.length > 0 || this.latest !== this.acked;
    const now = this.now();
    if (this.queue.length > 0) return now - this.firstQueuedAt >= this.limits.maxWaitMs;
    return this.latest !== this.acked && now - this.lastHandedAt >= this.limits.idleCursorMs;
  }

  private kick(): void {
    if (this.handing || this.stopped) return;
    if (!this.ready()) return this.schedule();
    const count = Math.min(this.queue.length, this.limits.maxPosts);
    const batch = this.queue.slice(0, count);
    const at = count < this.queue.length ? this.queue[count].before : this.latest;
    // Before the first event is fully read there is no position to promise: its posts wait for it.
    if (at === null) return this.schedule();
    this.queue = this.queue.slice(count);
    if (this.queue.length > 0) this.firstQueuedAt = this.now();
    this.handing = this.hand(batch.map((e) => e.post), at).finally(() => {
      this.handing = null;
      this.kick();
    });
  }

  private async hand(posts: ListeningPost[], cursor: number): Promise<void> {
    this.lastHandedAt = this.now();
    try {
      await this.onPosts(posts, String(cursor));
      if (this.acked === null || cursor > this.acked) this.acked = cursor;
      this.events.handed(posts.length, cursor);
    } catch (err) {
      this.stopped = true;
      this.queue = [];
      this.events.failed(err);
    }
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const wait = this.queue.length > 0
      ? this.limits.maxWaitMs - (this.now() - this.firstQueuedAt)
      : this.latest !== this.acked ? this.limits.idleCursorMs - (this.now() - this.lastHandedAt) : -1;
    if (wait < 0 && this.queue.length === 0 && this.latest === this.acked) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, Math.max(wait, 5));
    this.timer.unref?.();
  }
}
