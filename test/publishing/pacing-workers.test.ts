import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { reserveSend } from '../../src/modules/publishing/pacing/budget.js';
import type { AppContext } from '../../src/context.js';

/**
 * Two workers share one account's write budget through the database: whatever each keeps in hand to send a burst
 * without a round trip per post, together they never grant more than the window allows, and what one kept but did
 * not use goes back to the window. Two contexts on the same database stand for two worker processes.
 */
const MAX = 15;

describe.each(databases)('a write budget shared by two workers on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    const network = new LocalNetwork();
    ruche = await startTestRuche(kind, {}, {
      connectors: { ...network.factory(), pacing: () => ({ concurrency: 1, budgets: [{ scope: 'account', windowMs: 60_000, max: MAX, source: 'test' }] }) },
    });
  });
  afterAll(() => ruche?.stop());

  it('grants no more than the budget across workers, and gives back what a worker kept unused', async () => {
    const workers: AppContext[] = [ruche.ctx, { ...ruche.ctx }];
    const start = Date.now();
    let granted = 0;
    const denied: number[] = [];
    const round = async (perWorker: number, now: number) => {
      const asks = workers.flatMap((ctx) => Array.from({ length: perWorker }, () => reserveSend(ctx, { accountId: 'acct-shared', network: 'bluesky', posts: 1, media: 0, now })));
      for (const r of await Promise.all(asks)) {
        if (r.until === null) granted++;
        else {
          expect(r.until).toBeGreaterThan(now);
          denied.push(r.until);
        }
      }
    };
    await round(4, start);
    await round(8, start + 100);
    await round(8, start + 200);
    expect(granted).toBe(MAX);
    expect(denied.length).toBe(40 - MAX);
    // Every post asked for was either granted or told when to ask again; the database counts what was granted,
    // once the allowances have run out and been given back (a later reservation by each worker does it).
    for (const ctx of workers) await reserveSend(ctx, { accountId: 'acct-other', network: 'bluesky', posts: 1, media: 0, now: start + 6_000 });
    const rows = await ruche.ctx.store.db.selectFrom('publish_sends').select(['posts']).where('account_id', '=', 'acct-shared').execute();
    expect(rows.reduce((n, r) => n + Number(r.posts), 0)).toBe(MAX);
  });
});
