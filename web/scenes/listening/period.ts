/** The dashboard's periods: how far back it looks, and the step of its curves. */
export const PERIODS = ['24h', '7d', '30d'] as const;
export type Period = (typeof PERIODS)[number];

const HOUR = 3_600_000;
const SPANS: Record<Period, { ms: number; bucket: 'hour' | 'day' }> = {
  '24h': { ms: 24 * HOUR, bucket: 'hour' },
  '7d': { ms: 7 * 24 * HOUR, bucket: 'day' },
  '30d': { ms: 30 * 24 * HOUR, bucket: 'day' },
};

export function rangeOf(period: Period, now: number): { from: string; to: string; bucket: 'hour' | 'day' } {
  const { ms, bucket } = SPANS[period];
  return { from: new Date(now - ms).toISOString(), to: new Date(now).toISOString(), bucket };
}

export function isPeriod(value: string | null): value is Period {
  return (PERIODS as readonly string[]).includes(value ?? '');
}
