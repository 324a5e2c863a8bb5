/**
 * What Jetstream and the relay firehose share: the batcher, the counts and health reports, and the loop that
 * opens a connection, and once it ends hands over what was read, then opens the next from the position accepted —
 * at once after the handler caught up, after a growing pause after a failure.
 */
import { backoffDelay, pause, settleWithin } from './backoff.js';
import { PostBatcher } from './batcher.js';
import { BACKOFF_DEFAULTS, BATCH_DEFAULTS, type NetworkStreamOptions, type StreamStats, type StreamStatus } from './types.js';

/** How one connection ended, as far as the connection itself knows. */
export interface ConnectionEnd {
  error: string | null;
  /** The server refused the position (a relay whose sequence started again): the next connection starts from now. */
  forgetPosition?: boolean;
}

export type CloseConnection = (why: 'overflow' | 'failure') => void;

const STATUS_MS = 5_000;
const STOP_WAIT_MS = 5_000;

export class StreamRun {
  readonly stats: StreamStats = { posts: 0, skipped: 0, backpressureDrops: 0, reconnects: 0 };
  readonly batcher: PostBatcher;
  readonly now: () => number;
  /** The network time of the last event read, for the lag. */
  lastEventMs: number | null = null;
  private close: CloseConnection | null = null;
  private overflowed = false;
  private failure: unknown = undefined;
  private progressed = false;
  private lastStatusAt = 0;

  constructor(private readonly opts: NetworkStreamOptions, start: number | null) {
    this.now = opts.now ?? Date.now;
    const { onPosts, readPosts } = opts;
    if (!readPosts && !onPosts) throw new TypeError('A network stream needs onPosts or readPosts.');
    // A one-step handler reads nothing ahead: its batch is handled whole when its turn to be stored comes.
    const read = readPosts ?? (async (posts) => (cursor: string) => onPosts!(posts, cursor));
    this.batcher = new PostBatcher(start, read, { ...BATCH_DEFAULTS, ...opts.batch }, {
      overflow: () => this.overflow(),
      failed: (err) => {
        this.failure = err;
        this.close?.('failure');
      },
      handed: () => {
        this.progressed = true;
        if (this.lastEventMs !== null && this.now() - this.lastStatusAt >= STATUS_MS) {
          this.lastStatusAt = this.now();
          this.status({ state: 'live', lagMs: Math.max(0, this.now() - this.lastEventMs) });
        }
      },
    }, this.now);
  }

  get maxQueued(): number {
    return { ...BATCH_DEFAULTS, ...this.opts.batch }.maxQueued;
  }

  /** The handler fell behind: the connection ends and the next starts once it has caught up. */
  overflow(): void {
    this.overflowed = true;
    this.close?.('overflow');
  }

  status(s: StreamStatus): void {
    try {
      this.opts.onStatus?.({ ...s, skipped: this.stats.skipped });
    } catch {
      // The caller's report must not stop the stream.
    }
  }

  /** Runs until the signal aborts. `connect` resolves when its connection is over and calls `onClose` to end it early. */
  async run(connect: (from: number | null, onClose: (close: CloseConnection) => void) => Promise<ConnectionEnd>): Promise<StreamStats> {
    const { signal } = this.opts;
    const backoff = { ...BACKOFF_DEFAULTS, ...this.opts.backoff };
    let attempt = 0;
    while (!signal.aborted) {
      this.status({ state: 'connecting' });
      this.overflowed = false;
      this.failure = undefined;
      this.progressed = false;
      const end = await connect(this.batcher.acked, (close) => (this.close = close));
      this.close = null;
      if (signal.aborted) break;
      if (this.progressed) attempt = 0;
      const drained = this.failure === undefined && (await this.batcher.drain());
      // A batch read ahead of the one that failed must be over before the queue starts again from `acked`.
      if (!drained) {
        await this.batcher.settle();
        this.batcher.discard();
      }
      if (end.forgetPosition && drained) this.batcher.forgetPosition();
      this.stats.reconnects++;
      if (this.overflowed && drained) {
        this.stats.backpressureDrops++;
        continue;
      }
      const failure = this.failure;
      const error = failure !== undefined
        ? `The listening handler failed: ${failure instanceof Error ? failure.message : String(failure)}`
        : (end.error ?? 'The connection was closed.');
      this.status({ state: 'backoff', error });
      await pause(backoffDelay(attempt++, backoff), signal);
    }
    await settleWithin(this.batcher.stop(), STOP_WAIT_MS);
    return this.stats;
  }
}
