/**
 * Every way of walking the inbox a page at a time gives each matching item once, in order, whichever index the
 * database walks: the items' own (newest or riskiest first, with filters) or the label table's (a label's items,
 * newest first). Items share dates on purpose, so that the pages' tie-break is tested too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { addLabel } from '../../src/modules/moderation/local-actions.js';
import { countItems } from '../../src/modules/inbox/counts.js';
import { inboxPath, seedItem } from './seed.js';

interface Listed { id: string; createdAt: number; risk: number; status: string; labels: string[] }

describe.each(databases)('inbox pages on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  const base = Date.UTC(2026, 10, 1);

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    const account = await connectLocalAccount(ruche, ws, o.userId, 'brand-pages');
    for (let n = 0; n < 30; n++) {
      const { id } = await seedItem(ruche, ws, {
        accountId: account,
        text: `Message number ${n}`,
        // Three items per minute: equal dates are ordered by id.
        createdAt: base + Math.floor(n / 3) * 60_000,
        risk: (n * 7) % 10 / 10,
        status: n % 4 === 0 ? 'done' : 'open',
      });
      // Labels set by a person (the API) and by a rule (addLabel).
      if (n % 3 === 0) expect((await owner.patch(inboxPath(ws, `/items/${id}`), { labels: ['vip'] })).status).toBe(200);
      if (n % 5 === 0) await addLabel(ruche.ctx.store.db, ws, id, 'vip');
    }
  });
  afterAll(() => ruche?.stop());

  async function walk(query: string): Promise<Listed[]> {
    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const res = await owner.get(inboxPath(ws, `/items?limit=4&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  }

  const newestFirst = (a: Listed, b: Listed) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
  const riskiestFirst = (a: Listed, b: Listed) => b.risk - a.risk || newestFirst(a, b);

  it('walks every item once, newest first and riskiest first', async () => {
    const all = await walk('');
    expect(all).toHaveLength(30);
    expect(all.map((i) => i.id)).toEqual([...all].sort(newestFirst).map((i) => i.id));
    const risky = await walk('sort=risk');
    expect(risky.map((i) => i.id)).toEqual([...all].sort(riskiestFirst).map((i) => i.id));
  });

  it("walks a label's items once, newest first, under other filters too", async () => {
    const all = await walk('');
    const vip = all.filter((i) => i.labels.includes('vip'));
    // n % 3 === 0 or n % 5 === 0, for n < 30: 14 items.
    expect(vip).toHaveLength(14);
    expect((await walk('label=vip')).map((i) => i.id)).toEqual(vip.map((i) => i.id));
    const openVip = vip.filter((i) => i.status === 'open');
    expect((await walk('label=vip&status=open')).map((i) => i.id)).toEqual(openVip.map((i) => i.id));
    expect((await walk('label=vip&sort=risk')).map((i) => i.id)).toEqual([...vip].sort(riskiestFirst).map((i) => i.id));
    expect(await walk('label=nobody')).toEqual([]);
  });

  it('counts over the newest items only when there are more than the window, and says so', async () => {
    const all = await walk('');
    const scope = { store: ruche.ctx.store, workspaceId: ws, userId: 'nobody' };
    const newest = all.slice(0, 10);
    const small = await countItems(scope, { status: 'open' }, 10);
    expect(small.capped).toBe(true);
    expect(small.total).toBe(newest.filter((i) => i.status === 'open').length);
    // Each facet under the other filters: statuses are counted over the whole window.
    expect(small.byStatus.open + small.byStatus.done).toBe(10);
    expect(small.byLabel.vip).toBe(newest.filter((i) => i.status === 'open' && i.labels.includes('vip')).length);
    const labelled = await countItems(scope, { label: 'vip' }, 10);
    expect(labelled.byStatus.done).toBe(newest.filter((i) => i.status === 'done' && i.labels.includes('vip')).length);
    expect(labelled.total).toBe(newest.filter((i) => i.labels.includes('vip')).length);
    const whole = await countItems(scope, {}, 30);
    expect(whole.capped).toBe(false);
    expect(whole.total).toBe(30);
    expect(whole.byAssignee).toEqual({ none: 30 });
  });
});
