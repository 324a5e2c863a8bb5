import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { applyAccountSnapshot, applySnapshots, type AnalyticsPostRow } from '../../src/modules/analytics/collect/rollup.js';
import { recordPostChanges } from '../../src/modules/analytics/rollups/post-days.js';
import { rebuildRollups, rollupDifferences } from '../../src/modules/analytics/rollups/rebuild.js';
import { DAY, type SeedPlan } from './analytics-plan.js';

/** Builds every workspace's rollups from the rows seeded straight into the tables, as migration 0035 does. */
export async function rebuildAll(where: { file?: string; url?: string }, plan: SeedPlan) {
  const store = openStore(where.file ? { kind: 'sqlite', file: where.file } : { kind: 'postgres', url: where.url! });
  try {
    for (const ws of plan.workspaces) await store.db.transaction().execute((trx) => rebuildRollups(trx, ws.id, ws.timezone));
    // The seed's own vacuum ran before the rollups held a row: without statistics of their own the planner takes
    // them for nearly empty (where autovacuum would have analysed them by the time anyone reads a dashboard).
    if (store.dialect === 'postgres') {
      await sql`vacuum (analyze) analytics_post_days, analytics_post_months, analytics_post_slots, analytics_post_label_pairs, analytics_workspace_days,
        analytics_inbox_days, analytics_moderation_days, analytics_mention_days, analytics_topic_days, analytics_versions`.execute(store.db);
    }
  } finally {
    await store.destroy();
  }
}

/**
 * The seeded daily rollup must be what collection itself would have written. One account's seeded snapshots are
 * replayed, read by read, through collection's own rollup functions (applySnapshots, applyAccountSnapshot) into a
 * fresh database, and the days it writes are compared with the seeded ones: every day's gains and posts published,
 * and the follower counts of the days whose account snapshots were all replayed (the last 45 days).
 * The same replay keeps the rollups of migration 0035 read by read (posts by day and month, the workspace's days):
 * they must equal the ones recomputed from the replayed rows, and the account's post days those the benchmark's
 * database holds (built from its rows at once).
 */
export async function checkRollup(database: 'sqlite' | 'postgres', where: { file?: string; url?: string }, plan: SeedPlan, log: (s: string) => void) {
  const source = openStore(database === 'sqlite' ? { kind: 'sqlite', file: where.file! } : { kind: 'postgres', url: where.url! });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-rollup-'));
  const scratch = openStore({ kind: 'sqlite', file: path.join(dir, 'ruche.sqlite') });
  const started = Date.now();
  try {
    await migrateToLatest(scratch);
    // Only this account's rows are copied: the users and workspaces they point at are not needed here.
    await sql`pragma foreign_keys = off`.execute(scratch.db);
    const ws = plan.workspaces[1]!;
    const accountId = ws.accounts[3]!;
    // The workspace (its zone) and the account (its network) that the rollups read.
    await scratch.db.insertInto('workspaces').values(await source.db.selectFrom('workspaces').selectAll().where('id', '=', ws.id).executeTakeFirstOrThrow()).execute();
    await scratch.db.insertInto('social_accounts').values(await source.db.selectFrom('social_accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow()).execute();
    const num = <T extends Record<string, unknown>>(r: T, keys: string[]) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, r[k] === null ? null : Number(r[k])])) }) as T;
    const posts = (await source.db.selectFrom('analytics_posts').selectAll().where('account_id', '=', accountId).orderBy('id').execute())
      .map((p) => num(p, ['published_at', 'collected_at', 'next_collect_at']));
    const snapshots = (await source.db.selectFrom('analytics_post_snapshots').selectAll()
      .where('post_id', 'in', source.db.selectFrom('analytics_posts').select('id').where('account_id', '=', accountId))
      .orderBy('post_id').orderBy('taken_at').execute()).map((s) => num(s, ['taken_at']));

    // Each post as stored before its first read; then read after read, each post at most once per call.
    const state = new Map<string, AnalyticsPostRow>(posts.map((p) => [p.id, {
      ...p, likes: 0, reposts: 0, replies: 0, quotes: null, views: null, engagement: 0, collected_at: null, collect_count: 0,
    } as AnalyticsPostRow]));
    const byPost = new Map<string, typeof snapshots>();
    for (const s of snapshots) (byPost.get(s.post_id) ?? byPost.set(s.post_id, []).get(s.post_id)!).push(s);
    for (const p of state.values()) {
      await scratch.db.transaction().execute(async (trx) => {
        await trx.insertInto('analytics_posts').values(p).execute();
        await recordPostChanges(trx, [{ before: null, after: p }]);
      });
    }
    const rounds = Math.max(0, ...[...byPost.values()].map((s) => s.length));
    for (let j = 0; j < rounds; j++) {
      const readings = [...byPost.entries()].filter(([, s]) => s.length > j).map(([id, s]) => ({
        post: state.get(id)!, takenAt: s[j]!.taken_at,
        metrics: { likes: s[j]!.likes, reposts: s[j]!.reposts, replies: s[j]!.replies, quotes: s[j]!.quotes, views: s[j]!.views },
      }));
      await applySnapshots(scratch.db, readings, ws.timezone);
      for (const r of readings) state.set(r.post.id, { ...r.post, ...r.metrics, collect_count: r.post.collect_count + 1, collected_at: r.takenAt });
    }
    const windowStart = plan.now - 45 * DAY;
    const accountSnapshots = (await source.db.selectFrom('analytics_account_snapshots').selectAll()
      .where('account_id', '=', accountId).where('taken_at', '>=', windowStart).orderBy('taken_at').execute()).map((s) => num(s, ['taken_at']));
    for (const s of accountSnapshots) {
      await applyAccountSnapshot(scratch.db, { accountId, workspaceId: ws.id, takenAt: s.taken_at, followers: s.followers, following: s.following, posts: s.posts }, ws.timezone);
    }
    const firstFullDay = accountSnapshots.length ? dayAfter(accountSnapshots[0]!.taken_at, ws.timezone) : '9999';

    const seeded = await source.db.selectFrom('analytics_account_days').selectAll().where('account_id', '=', accountId).execute();
    const replayed = await scratch.db.selectFrom('analytics_account_days').selectAll().where('account_id', '=', accountId).execute();
    const byDay = new Map(replayed.map((d) => [d.day, d]));
    const gains = ['likes', 'reposts', 'replies', 'quotes', 'views', 'published'] as const;
    const counts = ['followers', 'following', 'posts'] as const;
    const mismatches: string[] = [];
    for (const d of seeded) {
      const r = byDay.get(d.day);
      for (const k of gains) if (Number(d[k]) !== Number(r?.[k] ?? 0)) mismatches.push(`${d.day} ${k}: seeded ${d[k]}, rollup ${r?.[k] ?? 0}`);
      if (d.day >= firstFullDay) for (const k of counts) if ((d[k] ?? null) !== (r?.[k] ?? null)) mismatches.push(`${d.day} ${k}: seeded ${d[k]}, rollup ${r?.[k] ?? null}`);
      byDay.delete(d.day);
    }
    for (const r of byDay.values()) if (gains.some((k) => Number(r[k]) !== 0)) mismatches.push(`${r.day}: only in the rollup`);
    // Migration 0035's rollups, kept read by read in the replay: against the replayed rows, and against the benchmark's own.
    const replayedRollups = (await rollupDifferences(scratch.db, ws.id)).filter((d) => !d.startsWith('inbox') && !d.startsWith('mentions') && !d.startsWith('topics'));
    const postDays = async (db: typeof source.db) => new Map((await db.selectFrom('analytics_post_days').selectAll().where('account_id', '=', accountId).execute())
      .map((r) => [`${r.day} ${r.campaign_id} ${r.label}`, r]));
    const kept = await postDays(source.db);
    const fresh = await postDays(scratch.db);
    const postMismatches: string[] = [];
    for (const [key, r] of kept) {
      const f = fresh.get(key);
      fresh.delete(key);
      for (const m of ['posts', 'likes', 'reposts', 'replies', 'quotes', 'views', 'viewed', 'engagement', 'engagement_viewed', 'rated'] as const) {
        if (Number(r[m]) !== Number(f?.[m] ?? 0)) postMismatches.push(`${key} ${m}: kept ${r[m]}, replayed ${f?.[m] ?? 0}`);
      }
      if (Math.abs(Number(r.rate_sum) - Number(f?.rate_sum ?? 0)) > 1e-9 * Math.max(1, Math.abs(Number(r.rate_sum)))) postMismatches.push(`${key} rate_sum`);
    }
    for (const key of fresh.keys()) postMismatches.push(`${key}: only in the replay`);
    const result = {
      checked: true, account: accountId, posts: posts.length, snapshotsReplayed: snapshots.length, accountSnapshotsReplayed: accountSnapshots.length,
      days: seeded.length, mismatches: mismatches.length, firstMismatches: mismatches.slice(0, 5),
      rollups: { postDays: kept.size, replayedAgainstRows: replayedRollups.length, replayedAgainstKept: postMismatches.length, firstMismatches: [...replayedRollups, ...postMismatches].slice(0, 5) },
      seconds: Math.round((Date.now() - started) / 1000),
    };
    log(`${database}: rollup check — ${snapshots.length} snapshots of ${posts.length} posts and ${accountSnapshots.length} account snapshots replayed through collection's applySnapshots/applyAccountSnapshot: ${seeded.length} seeded days, ${mismatches.length} mismatches${mismatches.length ? ` (${mismatches.slice(0, 3).join('; ')})` : ''}`);
    log(`${database}: rollup check — the replay's own rollups: ${replayedRollups.length} differences from its rows; its ${kept.size} post days against the kept ones: ${postMismatches.length} mismatches${result.rollups.firstMismatches.length ? ` (${result.rollups.firstMismatches.slice(0, 3).join('; ')})` : ''}`);
    return result;
  } finally {
    await scratch.destroy();
    await source.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The local day after the one `ms` falls on: the first whose follower counts were all replayed. */
function dayAfter(ms: number, zone: string): string {
  return new Date(Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms)) + DAY).toISOString().slice(0, 10);
}
