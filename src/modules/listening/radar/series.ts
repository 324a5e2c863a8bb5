/** Mentions of one listening topic in one minute (epoch minutes, UTC); minutes never added count zero. */
export interface MinuteCount {
  minute: number;
  total: number;
  negative: number;
  positive: number;
}

export type Counts = Omit<MinuteCount, 'minute'>;

export const MINUTES_PER_DAY = 1440;
/** A month of minutes: four weeks of same-weekday windows plus the widest window and its offsets. */
export const DEFAULT_RETENTION_MINUTES = 30 * MINUTES_PER_DAY;

const BLOCK = 64;
const CHANNELS = 3;
const MAX_COUNT_PER_ADD = 1_000_000;

/**
 * Sparse per-minute counts of one topic, kept in blocks of 64 minutes that each hold running sums: a window's count
 * costs one block lookup and one subtraction at each end, and a late mention only rewrites the rest of its block.
 * Blocks are allocated when a minute in them gets a mention, so quiet topics stay small, and blocks older than the
 * retention are dropped as time moves on, so a topic's memory is bounded.
 */
export class MinuteSeries {
  private readonly blocks = new Map<number, Uint32Array>();
  private readonly retention: number;
  private first: number | null;
  private newestBlock = -Infinity;

  /** `since`: when listening began, so silent days before the first mention still count as history. */
  constructor(options: { since?: number; retentionMinutes?: number } = {}) {
    this.first = options.since ?? null;
    this.retention = options.retentionMinutes ?? DEFAULT_RETENTION_MINUTES;
  }

  /** Blocks of 64 minutes held (each under a kilobyte): what the series weighs in memory. */
  get blockCount(): number {
    return this.blocks.size;
  }

  /** The first minute the topic was listened to, or null when nothing is known yet. */
  get earliest(): number | null {
    return this.first;
  }

  /** Adds a batch's counts to a minute (counts accumulate). Minutes older than the retention are ignored. */
  add(minute: number, counts: Counts): void {
    if (!Number.isInteger(minute)) throw new RangeError(`minute must be an integer, got ${minute}`);
    const { total, negative, positive } = counts;
    for (const n of [total, negative, positive]) {
      if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT_PER_ADD) throw new RangeError(`count out of range: ${n}`);
    }
    if (negative + positive > total) throw new RangeError('negative and positive mentions exceed the total');
    const b = Math.floor(minute / BLOCK);
    if (b > this.newestBlock) this.advanceTo(b);
    if (minute < this.horizon()) return;
    if (this.first === null || minute < this.first) this.first = minute;
    if (total === 0) return;
    let block = this.blocks.get(b);
    if (!block) this.blocks.set(b, (block = new Uint32Array((BLOCK + 1) * CHANNELS)));
    for (let i = minute - b * BLOCK + 1; i <= BLOCK; i++) {
      block[i * CHANNELS] += total;
      block[i * CHANNELS + 1] += negative;
      block[i * CHANNELS + 2] += positive;
    }
  }

  get(minute: number): MinuteCount {
    const c = this.sum(minute, minute);
    return { minute, ...c };
  }

  /** Counts of the minutes from `from` to `to`, both included. */
  sum(from: number, to: number): Counts {
    const out = [0, 0, 0];
    this.sumInto(from, to, out);
    return { total: out[0], negative: out[1], positive: out[2] };
  }

  /** `sum` without allocating: writes total, negative and positive into out[at], out[at + 1], out[at + 2]. */
  sumInto(from: number, to: number, out: Float64Array | number[], at = 0): void {
    let total = 0;
    let negative = 0;
    let positive = 0;
    const last = Math.floor(to / BLOCK);
    for (let b = Math.floor(from / BLOCK); b <= last; b++) {
      const block = this.blocks.get(b);
      if (!block) continue;
      const start = b * BLOCK;
      const lo = Math.max(from, start) - start;
      const hi = Math.min(to, start + BLOCK - 1) - start + 1;
      total += block[hi * CHANNELS] - block[lo * CHANNELS];
      negative += block[hi * CHANNELS + 1] - block[lo * CHANNELS + 1];
      positive += block[hi * CHANNELS + 2] - block[lo * CHANNELS + 2];
    }
    out[at] = total;
    out[at + 1] = negative;
    out[at + 2] = positive;
  }

  private horizon(): number {
    return (this.newestBlock + 1) * BLOCK - this.retention;
  }

  private advanceTo(b: number): void {
    this.newestBlock = b;
    const oldest = Math.floor(this.horizon() / BLOCK);
    for (const key of this.blocks.keys()) if (key < oldest) this.blocks.delete(key);
  }
}
