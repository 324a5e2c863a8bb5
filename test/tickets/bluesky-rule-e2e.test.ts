/**
 * End to end on a real local Bluesky network (PDS and AppView from @atproto/dev-env): a workspace's rule sends every
 * mention about a refund to customer support; someone mentions the brand, the inbound pipeline stores the mention and
 * runs the rules, the ticket opens by itself and the department's e-mail arrives. The network keeps its
 * data in the local PostgreSQL, so this runs when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from './helpers.js';
import { E2E_TIMEOUT, startTicketsOnBluesky, type TicketsOnBluesky } from './bluesky-fixture.js';

describe.runIf(process.env.TEST_DATABASE_URL)('a moderation rule turns a Bluesky mention into a ticket', () => {
  let f: TicketsOnBluesky;

  beforeAll(async () => {
    f = await startTicketsOnBluesky();
  }, E2E_TIMEOUT);
  afterAll(() => f?.stop(), E2E_TIMEOUT);

  it('opens the ticket and e-mails the department without anyone in the app', async () => {
    const { owner, api, network, brand, customer } = f;
    await f.supportAt('support@brand.test');
    const rule = await owner.post(api('/moderation/rules'), {
      name: 'Refunds go to support', enabled: true, conditions: { keywords: ['refund'] }, actions: [{ type: 'ticket', department: 'support' }],
    });
    expect(rule.status).toBe(201);
    await f.connectBrand();

    await network.post(customer, `@${brand.handle} still waiting for my refund on order 7788`);
    await network.processAll();

    const mail = await parseMail((await f.mailTo('support@brand.test', 1200)).raw);
    expect(mail.text).toContain('still waiting for my refund on order 7788');
    expect(mail.text).toContain('Refunds go to support');
    const tickets = (await owner.get(api('/tickets'))).body.items;
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ createdBy: null, department: { key: 'support' }, status: 'open' });
    expect(tickets[0].item.text).toContain('order 7788');
  }, E2E_TIMEOUT);
});
