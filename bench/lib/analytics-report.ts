import type { SeedPlan } from './analytics-plan.js';

/** Placeholder until report generation lands. */
export async function timeReports(_database: string, _env: Record<string, string>, _plan: SeedPlan, _log: (s: string) => void) {
  return { measured: false, reason: 'report generation not available yet' };
}
