import { describe, expect, it } from 'vitest';
import { pdsCrashSuite } from '../helpers/pds-crash-suite.js';

// Scheduled posts go to a real Bluesky PDS while worker processes are killed with SIGKILL and restarted.
// Afterwards the PDS's own list of records must hold every post exactly once.
const POSTS = 300;
const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('publishing to a real PDS through worker crashes (needs TEST_DATABASE_URL)', () => {
  const suite = pdsCrashSuite({ handle: 'brand', workerEnv: { WORKER_CONCURRENCY: '16' } });
  const { workers, startWorker } = suite;

  it('publishes every post exactly once', async () => {
    const { ruche, owner, ws } = suite;
    const accountId = await suite.connectAccount();
    // Far enough ahead that every post is planned before the first one is due, even on a busy machine.
    const start = Date.now() + 4000 + POSTS * 100;
    const ids: string[] = [];
    for (let i = 0; i < POSTS; i++) {
      // Spread over six seconds, so that crashes land in the middle of the work.
      // On a machine slow enough to reach the planned times while still planning, later posts go a little later.
      const at = new Date(Math.max(start + Math.floor((i * 6000) / POSTS), Date.now() + 3000)).toISOString();
      const p = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: `Post numéro ${i} 🐝`, accountIds: [accountId], scheduledAt: at, language: 'fr' });
      const submitted = await owner.post(`/api/v1/workspaces/${ws}/posts/${p.body.id}/submit`);
      expect(submitted.body.status).toBe('scheduled');
      ids.push(p.body.id);
    }
    startWorker();
    startWorker();
    let kills = 0;
    const deadline = Date.now() + 150_000;
    let remaining = POSTS;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 800));
      const done = await ruche.ctx.store.db.selectFrom('posts').select('status').where('workspace_id', '=', ws).execute();
      remaining = done.filter((p) => !['published', 'failed', 'unknown'].includes(p.status)).length;
      if (remaining === 0) break;
      if (kills < 8 && Date.now() > start) {
        const victim = [...workers][Math.floor(Math.random() * workers.size)];
        victim?.kill('SIGKILL');
        kills++;
        startWorker();
      }
    }
    expect(kills).toBeGreaterThanOrEqual(4);
    const statuses = await ruche.ctx.store.db.selectFrom('posts').select(['status']).where('workspace_id', '=', ws).execute();
    const stuck = await ruche.ctx.store.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'last_error', 'type'])
      .where('status', '!=', 'succeeded')
      // This PDS runs without an AppView: the inbox's and analytics' reads wait to be retried, which is not publishing's concern.
      .where('type', 'not like', 'inbox.%')
      .where('type', 'not like', 'analytics.%')
      .execute();
    if (statuses.some((x) => x.status !== 'published')) {
      // What a failure needs to be understood: each unpublished post with its jobs.
      const unpublished = await ruche.ctx.store.db.selectFrom('posts').select(['id', 'status', 'version', 'scheduled_at']).where('status', '!=', 'published').limit(5).execute();
      for (const p of unpublished) {
        const jobs = await ruche.ctx.store.db.selectFrom('jobs').select(['status', 'result', 'attempts', 'last_error', 'run_at']).where('payload', 'like', `%${p.id}%`).execute();
        const targets = await ruche.ctx.store.db.selectFrom('post_targets').selectAll().where('post_id', '=', p.id).execute();
        console.log(JSON.stringify({ post: p, jobs, targets }));
      }
    }
    expect({ published: statuses.filter((s) => s.status === 'published').length, stuck }).toEqual({ published: POSTS, stuck: [] });

    const texts = await suite.postTexts();
    const counts = new Map<string, number>();
    for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    expect(texts).toHaveLength(POSTS);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: POSTS }, (_, i) => `Post numéro ${i} 🐝`)));
  }, 300_000);
});
