/**
 * How long to wait before asking a feed again. A feed may say how often it changes (RSS `<ttl>`, the syndication
 * module's `updatePeriod`/`updateFrequency`) and its server how long an answer stays fresh (`Cache-Control:
 * max-age`) or when to come back (`Retry-After`). The longest of these is respected, held between a floor that
 * spares small sites from a feed claiming to change every second and a ceiling that keeps a feed claiming to
 * change once a year in view.
 */
export const POLL_FLOOR_MS = 5 * 60_000;
export const POLL_CEILING_MS = 24 * 3_600_000;
export const DEFAULT_POLL_MS = 15 * 60_000;

const MINUTE = 60_000;
const PERIOD_MS: Record<string, number> = {
  hourly: 3_600_000,
  daily: 86_400_000,
  weekly: 7 * 86_400_000,
  monthly: 30 * 86_400_000,
  yearly: 365 * 86_400_000,
};

/** The longest of the intervals given, within the bounds; the default when none was given. */
export function pollAfterMs(intervals: Array<number | null>): number {
  const given = intervals.filter((ms): ms is number => ms !== null && Number.isFinite(ms) && ms > 0);
  return given.length === 0 ? DEFAULT_POLL_MS : withinBounds(Math.max(...given));
}

export function withinBounds(ms: number): number {
  return Math.min(POLL_CEILING_MS, Math.max(POLL_FLOOR_MS, ms));
}

/** RSS `<ttl>`: minutes. */
export function ttlMs(ttl: unknown): number | null {
  const minutes = typeof ttl === 'number' ? ttl : typeof ttl === 'string' ? Number(ttl.trim()) : NaN;
  return Number.isFinite(minutes) && minutes > 0 ? minutes * MINUTE : null;
}

/** `sy:updatePeriod` (hourly by default) divided by `sy:updateFrequency` (once by default). */
export function syndicationMs(period: unknown, frequency: unknown): number | null {
  if (period === undefined && frequency === undefined) return null;
  const periodMs = PERIOD_MS[typeof period === 'string' ? period.trim().toLowerCase() : 'hourly'];
  const times = frequency === undefined ? 1 : Number(frequency);
  if (periodMs === undefined || !Number.isFinite(times) || times < 1) return null;
  return periodMs / times;
}

/** `Cache-Control: max-age=N`, unless the answer may not be kept at all. */
export function maxAgeMs(cacheControl: string | null): number | null {
  if (!cacheControl || /(?:^|,)\s*no-(?:store|cache)\b/i.test(cacheControl)) return null;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d{1,10})"?\s*(?:,|$)/i.exec(cacheControl);
  return match ? Number(match[1]) * 1000 : null;
}

/** `Retry-After`: seconds, or an HTTP date measured from `now`. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
