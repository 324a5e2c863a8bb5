import { describe, expect, it } from 'vitest';
import { pdsCrashSuite } from '../helpers/pds-crash-suite.js';

// A burst planned for the same instant goes to a real Bluesky PDS. Two workers claim it ahead of its time; one is
// killed with SIGKILL while it holds its share, and another in the middle of sending the batch. The PDS's own list
// of records must then hold every post exactly once.
const POSTS = 150;
const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('a burst published through workers killed mid-batch (needs TEST_DATABASE_URL)', () => {
  const suite = pdsCrashSuite({ handle: 'burst' });
  const { workers, startWorker } = suite;

  const counts = async () => {
    const { db } = suite.ruche.ctx.store;
    const jobs = await db.selectFrom('jobs').select(['status', 'locked_by']).where('type', '=', 'post.publish').execute();
    const targets = await db.selectFrom('post_targets').select('status').execute();
    return {
      held: jobs.filter((j) => j.status === 'running').length,
      published: targets.filter((t) => t.status === 'published').length,
    };
  };

  it('publishes every post of the burst exactly once', async () => {
    const { ruche, owner, ws } = suite;
    const accountId = await suite.connectAccount();
    // Started first, so that they are up when the burst comes within their lookahead.
    const first = startWorker();
    startWorker();
    // Far enough ahead that the whole burst is planned before it is due, even on a busy machine.
    const dueAt = new Date(Date.now() + 15_000 + POSTS * 200).toISOString();
    for (let i = 0; i < POSTS; i++) {
      const p = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: `Rafale ${i} 🐝`, accountIds: [accountId], scheduledAt: dueAt, language: 'fr' });
      const submitted = await owner.post(`/api/v1/workspaces/${ws}/posts/${p.body.id}/submit`);
      expect(submitted.body.status).toBe('scheduled');
    }
    expect(Date.now()).toBeLessThan(Date.parse(dueAt) - 3000);
    // Killed while holding its share of the burst, before the burst's time.
    let killedHolding = false;
    while (Date.now() < Date.parse(dueAt)) {
      if ((await counts()).held > 0) {
        first.kill('SIGKILL');
        killedHolding = true;
        startWorker();
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    // Killed in the middle of sending: some of the burst is out, some not yet.
    let killedMidBatch = false;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { published } = await counts();
      if (!killedMidBatch && published > 0 && published < POSTS) {
        [...workers][0]?.kill('SIGKILL');
        killedMidBatch = true;
        startWorker();
      }
      const open = await ruche.ctx.store.db.selectFrom('posts').select('status').where('workspace_id', '=', ws).where('status', 'not in', ['published', 'failed', 'unknown']).execute();
      if (open.length === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect({ killedHolding, killedMidBatch }).toEqual({ killedHolding: true, killedMidBatch: true });
    const statuses = await ruche.ctx.store.db.selectFrom('posts').select('status').where('workspace_id', '=', ws).execute();
    expect(statuses.filter((s) => s.status === 'published')).toHaveLength(POSTS);

    const texts = await suite.postTexts();
    expect(texts).toHaveLength(POSTS);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: POSTS }, (_, i) => `Rafale ${i} 🐝`)));
  }, 300_000);
});
