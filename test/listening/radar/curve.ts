import { readFileSync } from 'node:fs';
import type { Counts } from '../../../src/modules/listening/radar/series.js';

/**
 * The recorded volume curve the radar replays: a month of per-minute mentions of a consumer brand, with night lows,
 * a lunch and an evening peak, later and quieter weekends, day-to-day drift and Poisson noise. `generate-curve.ts`
 * wrote it once from a fixed seed; the same model draws the extra mentions of the spikes laid over it.
 */
export const CURVE_FILE = new URL('./calm-curve.txt', import.meta.url);
export const DAY = 1440;

export interface Curve {
  /** Epoch minute of the first day's midnight (UTC), a Monday. */
  start: number;
  days: { total: Uint8Array; negative: Uint8Array; positive: Uint8Array }[];
}

/** Mentions per minute at the busiest time of an ordinary weekday. */
const SCALE = 2.4;

/** Expected mentions in a minute of an ordinary day; weekday 0 is Monday. */
export function rateAt(weekday: number, minuteOfDay: number): number {
  const h = minuteOfDay / 60;
  const weekend = weekday >= 5;
  const shape = weekend
    ? 0.08 + 0.3 * bump(h, 11, 2) + 0.45 * bump(h, 13.25, 1.2) + 0.35 * bump(h, 16.5, 2) + 0.8 * bump(h, 21.25, 1.6)
    : 0.08 + 0.45 * bump(h, 9.5, 1.5) + 0.6 * bump(h, 12.75, 0.9) + 0.45 * bump(h, 16, 1.8) + bump(h, 20.75, 1.5);
  return SCALE * shape;
}

/** Evenings are a little more irritable than mornings. */
export function negativeShareAt(minuteOfDay: number): number {
  return 0.13 + 0.05 * bump(minuteOfDay / 60, 22, 2);
}

export const POSITIVE_SHARE = 0.25;

/** A bell over the hours of the day that wraps around midnight. */
function bump(h: number, centre: number, width: number): number {
  const d = Math.min(Math.abs(h - centre), 24 - Math.abs(h - centre));
  return Math.exp(-0.5 * (d / width) ** 2);
}

/** Mulberry32: small, seeded, and the same everywhere, so the fixture can be regenerated bit for bit. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function poisson(random: () => number, lambda: number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Splits n mentions into negative, positive and neutral ones. */
export function split(random: () => number, n: number, negativeShare: number, positiveShare: number): Counts {
  let negative = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const u = random();
    if (u < negativeShare) negative++;
    else if (u < negativeShare + positiveShare) positive++;
  }
  return { total: n, negative, positive };
}

/** Each line: the UTC date, then one base-36 digit per minute for the totals, the negatives and the positives. */
export function loadCurve(): Curve {
  const lines = readFileSync(CURVE_FILE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const digits = (run: string) => Uint8Array.from(run, (c) => parseInt(c, 36));
  const days = lines.map((line) => {
    const [, total, negative, positive] = line.split(' ');
    return { total: digits(total), negative: digits(negative), positive: digits(positive) };
  });
  const start = Date.parse(`${lines[0].slice(0, 10)}T00:00:00Z`) / 60_000;
  return { start, days };
}
