import type { TestRuche } from '../../helpers/ruche.js';
import type { Job } from '../../../src/jobs/index.js';
import { ANALYTICS_COLLECT } from '../../../src/modules/analytics/collect/job-names.js';
import { waitFor, waitForJob } from '../../inbound/helpers.js';
import { rollupDifferences } from '../../../src/modules/analytics/rollups/rebuild.js';

let runs = 0;

/**
 * Queues one collection of the account, as the recurring task does, and waits for its end. A run that finds another
 * reading of the account under way (the backfill queued when it was connected, on a slow machine) stops at once
 * without reading; the collection is then queued again, as the recurring task would do a quarter hour later.
 */
export async function collectNow(ruche: TestRuche, accountId: string): Promise<Job> {
  for (;;) {
    const { id } = await ruche.ctx.jobs.queue.enqueue(ANALYTICS_COLLECT, { accountId }, { idempotencyKey: `test-collect:${accountId}:${++runs}` });
    const job = await waitForJob(ruche, id);
    if ((job.result as { skipped?: string } | null)?.skipped !== 'busy') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The analytics backfill queued when the account was connected, once it (and any follow-up) is over. */
export async function analyticsBackfilled(ruche: TestRuche, accountId: string): Promise<Job> {
  const first = await waitFor('the analytics backfill', () =>
    ruche.ctx.store.db.selectFrom('jobs').select('id').where('idempotency_key', 'like', `analytics-backfill:${accountId}:connect:%`).executeTakeFirst());
  const job = await waitForJob(ruche, first.id);
  const after = await ruche.ctx.store.db.selectFrom('jobs').select('id').where('idempotency_key', 'like', `analytics-backfill:${accountId}:%`)
    .where('status', 'not in', ['succeeded', 'failed']).execute();
  for (const a of after) await waitForJob(ruche, a.id);
  return job;
}

/** Moves every post of the account's next read to now, as the passing of time would. */
export async function makeDue(ruche: TestRuche, accountId: string): Promise<void> {
  await ruche.ctx.store.db.updateTable('analytics_posts').set({ next_collect_at: 0 }).where('account_id', '=', accountId).execute();
}

export const postsOf = (ruche: TestRuche, accountId: string) =>
  ruche.ctx.store.db.selectFrom('analytics_posts').selectAll().where('account_id', '=', accountId).orderBy('published_at').execute();

export const daysOf = async (ruche: TestRuche, accountId: string) =>
  ruche.ctx.store.db.selectFrom('analytics_account_days').selectAll().where('account_id', '=', accountId).orderBy('day').execute();

/** Sums of the account's days: what a period's figures add up. */
export async function dayTotals(ruche: TestRuche, accountId: string) {
  const days = await daysOf(ruche, accountId);
  const sum = (k: 'likes' | 'reposts' | 'replies' | 'quotes' | 'views' | 'published') => days.reduce((n, d) => n + Number(d[k]), 0);
  return { likes: sum('likes'), reposts: sum('reposts'), replies: sum('replies'), quotes: sum('quotes'), views: sum('views'), published: sum('published') };
}

/** How the workspace's daily rollups differ from what its raw rows say: none, when collection kept them. */
export async function rollupsOff(ruche: TestRuche, accountId: string): Promise<string[]> {
  const { workspace_id } = await ruche.ctx.store.db.selectFrom('social_accounts').select('workspace_id').where('id', '=', accountId).executeTakeFirstOrThrow();
  return rollupDifferences(ruche.ctx.store.db, workspace_id);
}
