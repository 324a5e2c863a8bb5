import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { waitForJob } from '../inbound/helpers.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { normalizeItem } from '../../src/modules/inbound/normalize.js';
import { storeBatch } from '../../src/modules/inbound/store.js';
import { RULES_GRACE_MS, sweepPendingRules } from '../../src/modules/inbound/rules-sweep.js';
import { INBOX_RULES_SWEEP } from '../../src/modules/inbound/job-names.js';
import { workspaceAnalyzer } from '../../src/modules/moderation/workspace-analyzer.js';
import type { InboundItem } from '../../src/connectors/types.js';
import { ModerationNetwork } from './fake-network.js';

/**
 * Rules are never lost: items stored by a process that died before running their rules (the store step done, the
 * rules step not) keep a "rules pending" mark, and the recurring sweep runs their rules once.
 */
describe.each(databases)('rules sweep on %s', (kind) => {
  let ruche: TestRuche;
  let owner: { client: TestClient; workspaceId: string; userId: string };
  const net = new ModerationNetwork();

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: net.factory() });
    owner = await setupOwner(ruche.url);
  });
  afterAll(() => ruche?.stop());

  it('runs the rules once on items stored without them, and leaves items the pipeline handled alone', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const ws = (await owner.client.post('/api/v1/workspaces', { name: `Sweep ${tag}` })).body.id as string;
    const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;
    const accountId = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId: owner.userId, network: 'bluesky', serviceUrl: 'https://local.test',
      credentials: { network: 'bluesky' }, account: { id: `did:plc:brand${tag}`, handle: `brand-${tag}.test`, displayName: 'Brand', followers: 10 }, ip: null,
    });
    for (const r of (await owner.client.get(api('/moderation/rules'))).body.items) await owner.client.delete(api(`/moderation/rules/${r.id}`));
    expect((await owner.client.post(api('/moderation/rules'), { name: 'Refunds', conditions: { keywords: ['refund'] }, actions: [{ type: 'label', label: 'refund' }] })).status).toBe(201);

    const raw = (n: number): InboundItem => ({
      kind: 'mention', ref: { id: `at://did:plc:fan${tag}/app.bsky.feed.post/${n}`, cid: 'bafy' }, text: `Where is my refund? (${n})`,
      createdAt: new Date().toISOString(), url: null,
      author: { id: `did:plc:fan${tag}`, handle: `fan-${tag}.test`, displayName: 'Fan', avatarUrl: null, followers: 5, createdAt: null },
      parent: null, root: null, conversationId: null, quoted: null, languages: ['en'], context: [],
    });
    // The crash: two items stored (an hour ago) by the store step alone; their rules never ran.
    const then = ruche.ctx.clock.now() - 3600_000;
    const analyzer = await workspaceAnalyzer(ruche.ctx, ws);
    const lost = await ruche.ctx.store.db.transaction().execute((trx) => storeBatch(trx, {
      workspaceId: ws, accountId, network: 'bluesky', counters: [], now: then,
      items: [raw(1), raw(2)].map((r) => { const item = normalizeItem(r, then); return { item, analysis: analyzer.analyze(item.text) }; }),
    }));
    expect(lost).toHaveLength(2);
    // And one that went through the whole pipeline: its rules ran at once.
    const handled = (await ingestItems(ruche.ctx, { id: accountId, workspace_id: ws, network: 'bluesky' }, [raw(3)])).stored[0];

    const items = () => ruche.ctx.store.db.selectFrom('inbox_items').select(['id', 'labels', 'rules_pending']).where('workspace_id', '=', ws).orderBy('id').execute();
    const labelLogs = async () => (await ruche.ctx.store.db.selectFrom('moderation_log').select('item_id').where('workspace_id', '=', ws).where('action', '=', 'label').execute()).map((r) => r.item_id).sort();
    expect((await items()).map((i) => [i.id, i.rules_pending, JSON.parse(i.labels)])).toEqual(
      [...lost.map((id) => [id, 1, []]), [handled, 0, ['refund']]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    // The recurring sweep, as the scheduler queues it, on the worker.
    const job = await ruche.ctx.jobs.queue.enqueue(INBOX_RULES_SWEEP, {}, { idempotencyKey: `test-sweep:${tag}` });
    expect((await waitForJob(ruche, job.id)).status).toBe('succeeded');
    expect((await items()).every((i) => i.rules_pending === 0 && JSON.parse(i.labels).includes('refund'))).toBe(true);
    expect(await labelLogs()).toEqual([...lost, handled].sort());

    // Once: another sweep finds nothing left to do for this workspace.
    await sweepPendingRules(ruche.ctx);
    expect(await labelLogs()).toEqual([...lost, handled].sort());

    // A pending item younger than the grace period is left to the pipeline still running its rules.
    const fresh = await ruche.ctx.store.db.transaction().execute((trx) => storeBatch(trx, {
      workspaceId: ws, accountId, network: 'bluesky', counters: [], now: ruche.ctx.clock.now() + RULES_GRACE_MS,
      items: [raw(4)].map((r) => { const item = normalizeItem(r, then); return { item, analysis: analyzer.analyze(item.text) }; }),
    }));
    await sweepPendingRules(ruche.ctx);
    const row = await ruche.ctx.store.db.selectFrom('inbox_items').select(['rules_pending', 'labels']).where('id', '=', fresh[0]).executeTakeFirstOrThrow();
    expect([row.rules_pending, JSON.parse(row.labels)]).toEqual([1, []]);
  });
});
