import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AppContext } from '../../src/context.js';
import type { PostTable, PostTargetTable } from '../../src/store/schema.js';
import { publishJobFor } from '../../src/modules/publishing/schedule.js';

const BATCH = 400;

/** A workspace with `accounts` connected accounts and `posts` approved posts due at `dueAt(i)`, with their jobs queued. */
export async function seedScheduledPosts(ctx: AppContext, opts: { accounts: number; posts: number; dueAt: (i: number) => number }) {
  const { db } = ctx.store;
  const now = Date.now();
  const workspaceId = crypto.randomUUID();
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', timezone: 'UTC', locale: 'en', created_by: 'bench', created_at: now }).execute();
  const accounts = Array.from({ length: opts.accounts }, (_, i) => ({
    id: crypto.randomUUID(), workspace_id: workspaceId, network: 'bluesky', external_id: `acct-${i}`, handle: `acct-${i}`, display_name: `Account ${i}`,
    service_url: 'http://127.0.0.1', credentials: ctx.sealer.seal(JSON.stringify({ network: 'bluesky', account: `acct-${i}` })),
    status: 'connected' as const, status_message: null, timezone: 'UTC', created_by: 'bench', created_at: now, updated_at: now, last_ok_at: null,
  }));
  await db.insertInto('social_accounts').values(accounts).execute();
  const targetIds: string[] = [];
  for (let start = 0; start < opts.posts; start += BATCH) {
    const posts: PostTable[] = [];
    const targets: Insertable<PostTargetTable>[] = [];
    for (let i = start; i < Math.min(opts.posts, start + BATCH); i++) {
      const id = crypto.randomUUID();
      posts.push({
        id, workspace_id: workspaceId, author_id: 'bench', status: 'scheduled', body: `Post ${i}`, thread: '[]', labels: '[]',
        language: 'en', campaign_id: null, scheduled_at: opts.dueAt(i), version: 1, created_at: now, updated_at: now, published_at: null,
      });
      const targetId = crypto.randomUUID();
      targetIds.push(targetId);
      targets.push({ id: targetId, post_id: id, account_id: accounts[i % accounts.length].id, body: null, status: 'pending', attempts: 0, updated_at: now });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('posts').values(posts).execute();
      await trx.insertInto('post_targets').values(targets).execute();
    });
    await ctx.jobs.queue.enqueueMany(posts.map((p) => publishJobFor(p)!));
  }
  return { workspaceId, targetIds, dueAt: targetIds.map((_, i) => opts.dueAt(i)) };
}
