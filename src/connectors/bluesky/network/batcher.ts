/**
 * Posts read from a stream, handed to the handler in batches. The position handed with a batch is one the stream
 * can resume from without losing a post: the last event fully read before the first post left behind.
 *
 * The handler works in two steps, so that reading a batch (on reader threads) and storing the one before it (on the
 * database) overlap: at most one batch is being read (or waits, read, for its turn) while one is stored, and batches
 * are stored one at a time in the order they were cut, so the position stored only ever moves past what is stored.
 * When the handler falls behind, the queue says so once (`overflow`) and the stream stops reading until it is
 * drained; when the handler fails, the queue and the batch read ahead are dropped, and the stream reads them again
 * from `acked`.
 */
import type { ListeningPost } from '../../../modules/listening/types.js';
import type { BatchLimits, ReadPosts } from './types.js';

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
  /** The position of the last batch stored. */
  acked: number | null;
  /** The position of the last batch cut from the queue (stored, or on its way). */
  private cut: number | null;
  /** A batch cut from the queue that is being read, or is read and waits for the one ahead to be stored. */
  private reading: Promise<void> | null = null;
  /** The batch being stored. */
  private storing: Promise<void> | null = null;
  /** Moves on each `discard`: a batch cut before it is never stored after it. */
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  private firstQueuedAt = 0;
  private lastHandedAt: number;
  private overflowed = false;
  private stopped = false;
  private draining = false;

  constructor(
    start: number | null,
    private readonly readPosts: ReadPosts,
    private readonly limits: BatchLimits,
    private readonly events: BatcherEvents,
    private readonly now: () => number,
  ) {
    this.latest = start;
    this.acked = start;
    this.cut = start;
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

  /** Hands over and stores everything read so far, then resolves (false when the handler failed on the way). */
  async drain(): Promise<boolean> {
    this.draining = true;
    try {
      for (;;) {
        if (this.reading || this.storing) {
          await this.settle();
          continue;
        }
        if (this.stopped) return false;
        this.kick();
        if (!this.reading) return true;
      }
    } finally {
      this.draining = false;
      this.overflowed = false;
    }
  }

  /** Resolves once no batch is being read or stored. */
  async settle(): Promise<void> {
    while (this.reading || this.storing) await Promise.all([this.reading, this.storing]);
  }

  /** Forgets what was read and not stored: the stream reads it again from `acked`. */
  discard(): void {
    this.generation++;
    this.queue = [];
    this.latest = this.acked;
    this.cut = this.acked;
    this.overflowed = false;
    this.stopped = false;
  }

  /** The server's positions started again: the next one read is the first. */
  forgetPosition(): void {
    this.latest = null;
    this.acked = null;
    this.cut = null;
  }

  /** No more batches; resolves once the ones under way are done (a batch read but not yet stored is dropped). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.settle();
  }

  private ready(): boolean {
    if (this.queue.length >= this.limits.maxPosts || this.draining) return this.queue.length > 0 || this.latest !== this.cut;
    const now = this.now();
    if (this.queue.length > 0) return now - this.firstQueuedAt >= this.limits.maxWaitMs;
    return this.latest !== this.cut && now - this.lastHandedAt >= this.limits.idleCursorMs;
  }

  private kick(): void {
    if (this.reading || this.stopped) return;
    if (!this.ready()) return this.schedule();
    const count = Math.min(this.queue.length, this.limits.maxPosts);
    const at = count < this.queue.length ? this.queue[count].before : this.latest;
    // Before the first event is fully read there is no position to promise: its posts wait for it.
    if (at === null) return this.schedule();
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    if (this.queue.length > 0) this.firstQueuedAt = this.now();
    this.lastHandedAt = this.now();
    this.cut = at;
    this.reading = this.hand(batch.map((e) => e.post), at, this.generation).finally(() => {
      this.reading = null;
      this.kick();
    });
  }

  private async hand(posts: ListeningPost[], cursor: number, generation: number): Promise<void> {
    const current = () => generation === this.generation && !this.stopped;
    let store: (cursor: string) => Promise<void>;
    try {
      store = await this.readPosts(posts);
    } catch (err) {
      if (current()) this.fail(err);
      return;
    }
    // Stored in the order cut: the batch ahead first. If it failed (or the stream stopped), this one is dropped.
    while (this.storing) await this.storing;
    if (!current()) return;
    this.storing = this.store(store, posts.length, cursor, generation).finally(() => {
      this.storing = null;
      this.kick();
    });
  }

  private async store(store: (cursor: string) => Promise<void>, posts: number, cursor: number, generation: number): Promise<void> {
    try {
      await store(String(cursor));
      if (generation !== this.generation) return;
      if (this.acked === null || cursor > this.acked) this.acked = cursor;
      this.events.handed(posts, cursor);
    } catch (err) {
      if (generation === this.generation) this.fail(err);
    }
  }

  private fail(err: unknown): void {
    this.stopped = true;
    this.queue = [];
    this.events.failed(err);
  }
  private schedule(): void {
    if (this.timer || this.stopped) return;
    const wait = this.queue.length > 0
      ? this.limits.maxWaitMs - (this.now() - this.firstQueuedAt)
      : this.latest !== this.cut ? this.limits.idleCursorMs - (this.now() - this.lastHandedAt) : -1;
    if (wait < 0 && this.queue.length === 0 && this.latest === this.cut) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, Math.max(wait, 5));
    this.timer.unref?.();
  }
}
