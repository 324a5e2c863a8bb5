import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';
import { HOUSEKEEPING_PURGE } from '../../src/modules/housekeeping/jobs.js';

describe.each(databases)('housekeeping on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
  });
  afterAll(() => ruche?.stop());

  it('drops expired sessions and keeps live ones', async () => {
    const { client } = await setupOwner(ruche.url);
    const second = new TestClient(ruche.url);
    await second.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' });
    const { db, dialect } = ruche.ctx.store;
    const [oldest] = await db.selectFrom('session').select('id').orderBy('createdAt').limit(1).execute();
    const past = new Date(Date.now() - 60_000);
    await db.updateTable('session').set({ expiresAt: dialect === 'sqlite' ? past.toISOString() : past }).where('id', '=', oldest.id).execute();
    const { id } = await ruche.ctx.jobs.queue.enqueue(HOUSEKEEPING_PURGE, {});
    let job = await ruche.ctx.jobs.queue.get(id);
    for (let i = 0; i < 100 && job?.status !== 'succeeded' && job?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await ruche.ctx.jobs.queue.get(id);
    }
    expect(job).toMatchObject({ status: 'succeeded', result: { sessions: 1 } });
    expect(await db.selectFrom('session').select('id').execute()).toHaveLength(1);
    expect((await second.get('/api/v1/session')).status).toBe(200);
    expect((await client.get('/api/v1/session')).status).toBe(401);
  });
});
