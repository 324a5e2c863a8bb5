import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pds, type PdsAccount } from '../connectors/bluesky-harness.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { startWorkerProcess } from '../helpers/worker-process.js';

// A burst planned for the same instant goes to a real Bluesky PDS. Two workers claim it ahead of its time; one is
// killed with SIGKILL while it holds its share, and another in the middle of sending the batch. The PDS's own list
// of records must then hold every post exactly once.
const POSTS = 150;
const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('a burst published through workers killed mid-batch (needs TEST_DATABASE_URL)', () => {
  let pds: Pds;
  let account: PdsAccount;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  const secret = crypto.randomBytes(32).toString('hex');
  const workers = new Set<ChildProcess>();
  let schema: string;

  beforeAll(async () => {
    pds = await Pds.start();
    account = await pds.createAccount('burst');
    ruche = await startTestRuche('postgres', { ROLES: 'api', SECRET_KEY: secret, ALLOW_PRIVATE_NETWORKS: '1' });
    schema = ruche.ctx.config.database.kind === 'postgres' ? ruche.ctx.config.database.schema! : '';
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await ruche?.stop();
    await pds?.close();
  });

  const startWorker = () => startWorkerProcess(workers, { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema, SECRET_KEY: secret, JOB_LEASE_SECONDS: '2' });

  const counts = async () => {
    const jobs = await ruche.ctx.store.db.selectFrom('jobs').select(['status', 'locked_by']).where('type', '=', 'post.publish').execute();
    const targets = await ruche.ctx.store.db.selectFrom('post_targets').select('status').execute();
    return {
      held: jobs.filter((j) => j.status === 'running').length,
      published: targets.filter((t) => t.status === 'published').length,
    };
  };

  it('publishes every post of the burst exactly once', async () => {
    const connected = await owner.post(`/api/v1/workspaces/${ws}/accounts/bluesky`, {
      service: pds.url, identifier: account.handle, appPassword: account.appPassword,
    });
    expect(connected.status).toBe(201);
    // Started first, so that they are up when the burst comes within their lookahead.
    const first = startWorker();
    startWorker();
    // Far enough ahead that the whole burst is planned before it is due, even on a busy machine.
    const dueAt = new Date(Date.now() + 15_000 + POSTS * 100).toISOString();
    for (let i = 0; i < POSTS; i++) {
      const p = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: `Rafale ${i} 🐝`, accountIds: [connected.body.id], scheduledAt: dueAt, language: 'fr' });
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

    const texts: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await account.owner.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100, cursor });
      texts.push(...page.data.records.map((r) => (r.value as { text: string }).text));
      cursor = page.data.cursor;
    } while (cursor);
    expect(texts).toHaveLength(POSTS);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: POSTS }, (_, i) => `Rafale ${i} 🐝`)));
  }, 300_000);
});
