import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { reserveSend } from '../../src/modules/publishing/pacing/budget.js';
import type { AppContext } from '../../src/context.js';

/**
 * What a worker keeps in hand to publish without a round trip per post: long while the account's budget is far
 * from spent, short when it is busy, and renewed once half of it is used, before the stream of posts runs out.
 * A budget's size is chosen per test (through the pacing the test Ruche is given); each test is its own worker
 * (its own context) on its own account, and reads what the database counts for that account.
 */
describe.each(databases)('a publishing allowance on %s', (kind) => {
  let ruche: TestRuche;
  let max = 1000;
  beforeAll(async () => {
    const network = new LocalNetwork();
    ruche = await startTestRuche(kind, {}, {
      connectors: { ...network.factory(), pacing: () => ({ concurrency: 1, budgets: [{ scope: 'account', windowMs: 3_600_000, max, source: 'test' }] }) },
    });
  });
  afterAll(() => ruche?.stop());

  const rowsOf = (accountId: string) =>
    ruche.ctx.store.db.selectFrom('publish_sends').select(['posts', 'sent_at']).where('account_id', '=', accountId).orderBy('sent_at').orderBy('posts').execute();
  const send = (ctx: AppContext, accountId: string, now: number) => reserveSend(ctx, { accountId, network: 'bluesky', posts: 1, media: 0, now });
  /** The worker's queued reservations (a renewal among them) are written once a later one is answered. */
  const settle = (ctx: AppContext, now: number) => send(ctx, `settle-${now}`, now);

  it('lasts half a minute while the budget is far from spent, and is renewed once half of it is used', async () => {
    max = 1000;
    const worker = { ...ruche.ctx };
    const t0 = Date.now();
    expect((await send(worker, 'far', t0)).until).toBeNull();
    // The first post asked the database for itself and ten more.
    expect((await rowsOf('far')).map((r) => Number(r.posts))).toEqual([11]);
    // Twenty seconds later the allowance still stands (a short one would have run out and asked again): four posts
    // go from it. Past half its time, a renewal as large is asked ahead, and what is left of the first goes back.
    for (let i = 0; i < 4; i++) expect((await send(worker, 'far', t0 + 20_000)).until).toBeNull();
    await settle(worker, t0 + 20_000);
    expect((await rowsOf('far')).map((r) => Number(r.posts))).toEqual([5, 10]);
    // Used up faster than it lasts: once half of the renewal is used, the next one holds twice as many.
    for (let i = 0; i < 5; i++) expect((await send(worker, 'far', t0 + 21_000)).until).toBeNull();
    await settle(worker, t0 + 21_000);
    expect((await rowsOf('far')).map((r) => Number(r.posts))).toEqual([5, 5, 20]);
    // And it serves the next posts with no new reservation.
    for (let i = 0; i < 9; i++) expect((await send(worker, 'far', t0 + 22_000)).until).toBeNull();
    expect(await rowsOf('far')).toHaveLength(3);
  });

  it('lasts a few seconds when the budget is busy, so another worker gets back what this one does not use', async () => {
    max = 30;
    const worker = { ...ruche.ctx };
    const t0 = Date.now();
    expect((await send(worker, 'busy', t0)).until).toBeNull();
    expect((await rowsOf('busy')).map((r) => Number(r.posts))).toEqual([11]);
    // Six seconds on, the short allowance has run out: the post asks the database again, and the ten unused go back.
    expect((await send(worker, 'busy', t0 + 6_000)).until).toBeNull();
    const rows = await rowsOf('busy');
    expect(rows.map((r) => Number(r.posts))).toEqual([1, 11]);
  });
});
