import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner } from '../helpers/client.js';
import { waitForJob } from './helpers.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { HOUSEKEEPING_PURGE, KEEP_COUNTED_EVENTS_MS } from '../../src/modules/housekeeping/jobs.js';

/** inbox_counted (likes, reposts, follows already counted) does not grow for ever: the hourly purge drops old events. */
describe.each(databases)('counted inbox events purge on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
  });
  afterAll(() => ruche?.stop());

  it('drops events counted longer ago than any walk reaches back, keeps recent ones, and leaves the counts alone', async () => {
    const { userId, workspaceId } = await setupOwner(ruche.url);
    const tag = crypto.randomBytes(3).toString('hex');
    const accountId = await saveConnection(ruche.ctx, {
      workspaceId, userId, network: 'bluesky', serviceUrl: 'https://local.test',
      credentials: { network: 'bluesky' }, account: { id: `did:plc:brand${tag}`, handle: `brand-${tag}.test`, displayName: 'Brand', followers: 10 }, ip: null,
    });
    const { db } = ruche.ctx.store;
    const at = new Date().toISOString();
    await ingestItems(ruche.ctx, { id: accountId, workspace_id: workspaceId, network: 'bluesky' }, [], [
      { kind: 'like', id: `old-${tag}`, createdAt: at }, { kind: 'repost', id: `recent-${tag}`, createdAt: at },
    ]);
    const now = ruche.ctx.clock.now();
    await db.updateTable('inbox_counted').set({ created_at: now - KEEP_COUNTED_EVENTS_MS - 3600_000 }).where('external_id', '=', `old-${tag}`).execute();
    const counters = () => db.selectFrom('inbox_counters').select(['likes', 'reposts']).where('account_id', '=', accountId).execute();
    const before = await counters();

    const { id } = await ruche.ctx.jobs.queue.enqueue(HOUSEKEEPING_PURGE, {}, { idempotencyKey: `test-purge:${tag}` });
    expect(await waitForJob(ruche, id)).toMatchObject({ status: 'succeeded', result: { countedEvents: 1 } });
    expect((await db.selectFrom('inbox_counted').select('external_id').where('account_id', '=', accountId).execute()).map((r) => r.external_id)).toEqual([`recent-${tag}`]);
    expect(await counters()).toEqual(before);
  });
});
