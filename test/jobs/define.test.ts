import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobRegistry, defaultBackoffMs, defineJob } from '../../src/jobs/index.js';

describe('job definitions', () => {
  it('backs off exponentially with jitter, capped at an hour', () => {
    const samples = (attempt: number) => Array.from({ length: 200 }, () => defaultBackoffMs(attempt));
    for (const [attempt, base] of [[1, 1000], [2, 2000], [5, 16_000], [30, 3_600_000]] as const) {
      const s = samples(attempt);
      expect(Math.min(...s)).toBeGreaterThanOrEqual(base * 0.75);
      expect(Math.max(...s)).toBeLessThanOrEqual(base * 1.25);
      expect(new Set(s).size).toBeGreaterThan(1);
    }
  });

  it('refuses two definitions of one type', () => {
    const job = defineJob({ type: 'test.twice', version: 1, schema: z.object({}), run: async () => null });
    expect(() => createJobRegistry([job, job])).toThrow(/defined twice/);
  });
});
