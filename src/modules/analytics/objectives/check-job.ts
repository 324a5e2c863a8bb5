import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { defineJob } from '../../../jobs/index.js';
import { notify } from '../../notifications/notify.js';
import { membersWithPermission } from '../../notifications/recipients.js';
import { readerFor } from '../dashboard.js';
import type { Reader } from '../scope.js';
import { evaluateObjective, type ObjectiveRow } from './evaluate.js';
import { OBJECTIVES_CHECK } from './job-names.js';

/** A quarter's first quiet hours say little: no warning before a tenth of the period has passed. */
export const WARN_AFTER_ELAPSED = 0.1;

const round = (n: number | null) => (n === null ? '' : String(Math.round(n * 10) / 10));

/**
 * Recomputes the status of every objective still running (or just over) and warns the members who hold
 * objectives.manage when one falls behind: once per fall, claimed by setting warned_at, cleared once it is back on track.
 */
export async function checkObjectives(ctx: AppContext): Promise<{ checked: number; warned: number }> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const rows = await db.selectFrom('analytics_objectives').selectAll()
    .where('archived_at', 'is', null).where('period_start', '<=', now).where('status', 'not in', ['met', 'missed'])
    .orderBy('workspace_id').limit(5000).execute();
  const readers = new Map<string, Reader>();
  let warned = 0;
  for (const o of rows) {
    let r = readers.get(o.workspace_id);
    if (!r) readers.set(o.workspace_id, (r = await readerFor(ctx.store, o.workspace_id, now)));
    const progress = await evaluateObjective(r, o);
    const behind = progress.status === 'behind';
    if (behind && o.warned_at === null && progress.elapsed >= WARN_AFTER_ELAPSED) {
      if (await warn(ctx, o, progress.forecast, now)) warned++;
      await db.updateTable('analytics_objectives').set({ status: progress.status }).where('id', '=', o.id).execute();
      continue;
    }
    await db.updateTable('analytics_objectives')
      .set({ status: progress.status, ...(!behind && o.warned_at !== null ? { warned_at: null } : {}) })
      .where('id', '=', o.id).execute();
  }
  return { checked: rows.length, warned };
}

async function warn(ctx: AppContext, o: ObjectiveRow, forecast: number | null, now: number): Promise<boolean> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('analytics_objectives').set({ warned_at: now }).where('id', '=', o.id).where('warned_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return false;
    await notify(ctx, trx, {
      workspaceId: o.workspace_id, kind: 'analytics.objective_behind', recipients: await membersWithPermission(trx, o.workspace_id, 'objectives.manage'),
      object: { type: 'objective', id: o.id },
      params: { name: o.name.slice(0, 120), metric: o.metric, forecast: round(forecast), target: round(Number(o.target)), relative: Number(o.relative) === 1 ? 'yes' : '' },
      dedupeKey: `objective-behind:${o.id}:${now}`, now,
    });
    return true;
  });
}

export function objectivesCheckJob(ctx: AppContext) {
  return defineJob({
    type: OBJECTIVES_CHECK,
    version: 1,
    schema: z.object({}),
    maxAttempts: 3,
    run: () => checkObjectives(ctx),
  });
}

/** Objectives are checked every hour. */
export const objectivesCheckTask = { name: 'analytics-objectives', everyMs: 3_600_000, type: OBJECTIVES_CHECK, payload: {} };
