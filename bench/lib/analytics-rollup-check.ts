import type { SeedPlan } from './analytics-plan.js';

/** Placeholder until collection's rollup lands. */
export async function checkRollup(_database: string, _where: { file?: string; url?: string }, _plan: SeedPlan, _log: (s: string) => void) {
  return { checked: false, reason: 'collection rollup not available yet' };
}
