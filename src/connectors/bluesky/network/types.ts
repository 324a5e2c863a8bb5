import type { ListeningPost } from '../../../modules/listening/types.js';

export interface StreamStatus {
  state: 'connecting' | 'live' | 'backoff';
  error?: string;
  /** How far behind the network the last event read was. */
  lagMs?: number;
  /** Records passed over so far because they were not posts as the lexicon writes them. */
  skipped?: number;
}

/**
 * A batch handled in two steps: read (what leaves nothing behind: matching, analysis), then stored with its
 * position. The next batch may be read while this one is stored; batches are stored one at a time, in order.
 */
export type ReadPosts = (posts: ListeningPost[]) => Promise<(cursor: string) => Promise<void>>;

/**
 * What both network streams take: a position to start from and a handler, either in one step (`onPosts`, awaited
 * before the next batch) or in two (`readPosts`, which reads the next batch while one is being stored).
 */
export interface NetworkStreamOptions {
  url: string;
  /** Where the last run stopped (the value last handed to `onPosts`), or null to start from now. */
  cursor: string | null;
  allowPrivateNetworks: boolean;
  /**
   * A batch of posts and the position after it: once the handler resolves, a restart from that position loses
   * nothing. The same post may come twice around a reconnect: the store keeps one per uri.
   */
  onPosts?: (posts: ListeningPost[], cursor: string) => Promise<void>;
  /** The two-step handler, used instead of `onPosts`: the position comes with the storing step. */
  readPosts?: ReadPosts;
  onStatus?: (s: StreamStatus) => void;
  signal: AbortSignal;
  batch?: Partial<BatchLimits>;
  backoff?: Partial<BackoffLimits>;
  now?: () => number;
}

export interface BatchLimits {
  maxPosts: number;
  maxWaitMs: number;
  /** Posts read but not yet handed over; past this the connection is dropped until the handler catches up. */
  maxQueued: number;
  /** A stream of nothing but other events still hands over its position this often (an empty batch). */
  idleCursorMs: number;
}

export const BATCH_DEFAULTS: BatchLimits = { maxPosts: 500, maxWaitMs: 200, maxQueued: 5_000, idleCursorMs: 2_000 };

export interface BackoffLimits {
  minMs: number;
  maxMs: number;
}

export const BACKOFF_DEFAULTS: BackoffLimits = { minMs: 1_000, maxMs: 5 * 60_000 };

/** What a stream did, returned when its signal aborts. */
export interface StreamStats {
  posts: number;
  skipped: number;
  /** Connections dropped because the handler fell behind. */
  backpressureDrops: number;
  reconnects: number;
}
