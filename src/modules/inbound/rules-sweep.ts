import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { applyRules } from '../moderation/apply.js';
import { INBOX_RULES_SWEEP } from './job-names.js';

/** Items younger than this are left to the pipeline, which runs their rules right after storing them. */
export const RULES_GRACE_MS = 60_000;
const BATCH = 500;

/**
 * Runs the rules on items still marked "rules pending" a minute after they were stored: the process that stored
 * them died before their rules ran, or the rules step failed. applyRules takes the mark off, so each item is swept
 * once; it is safe to run twice on an item (its effects are keyed by item, rule and action).
 */
export async function sweepPendingRules(ctx: AppContext): Promise<number> {
  const before = ctx.clock.now() - RULES_GRACE_MS;
  let swept = 0;
  for (let round = 0; round < 20; round++) {
    const rows = await ctx.store.db.selectFrom('inbox_items').select(['id', 'workspace_id'])
      .where('rules_pending', '=', 1).where('received_at', '<', before)
      .orderBy('received_at').limit(BATCH).execute();
    if (rows.length === 0) break;
    const byWorkspace = new Map<string, string[]>();
    for (const r of rows) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.id]);
    for (const [workspaceId, ids] of byWorkspace) await applyRules(ctx, workspaceId, ids);
    swept += rows.length;
    if (rows.length < BATCH) break;
  }
  return swept;
}

export function rulesSweepJob(ctx: AppContext) {
  return defineJob({
    type: INBOX_RULES_SWEEP,
    version: 1,
    schema: z.object({}).passthrough(),
    maxAttempts: 3,
    run: async () => ({ swept: await sweepPendingRules(ctx) }),
  });
}

export const rulesSweepTask = { name: 'inbox-rules-sweep', everyMs: 60_000, type: INBOX_RULES_SWEEP, payload: {} };
