import { z } from 'zod';
import { defineJob, type JobContext } from '../../src/jobs/index.js';
import type { Clock } from '../../src/shared/clock.js';

export const TEST_ECHO = 'test.echo';

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** A job whose behaviour each test decides; `calls` records every run. */
export function echoJob(behaviour: (payload: { n: number }, ctx: JobContext) => Promise<unknown> = async (p) => p.n) {
  const calls: Array<{ n: number; attempt: number }> = [];
  const job = defineJob({
    type: TEST_ECHO,
    version: 1,
    schema: z.object({ n: z.number() }),
    maxAttempts: 3,
    backoffMs: (attempt) => attempt * 1000,
    run: async (payload, ctx) => {
      calls.push({ n: payload.n, attempt: ctx.attempt });
      return behaviour(payload, ctx);
    },
  });
  return { job, calls };
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
