/**
 * End to end on a real local Bluesky network (PDS and AppView from @atproto/dev-env): someone mentions the brand,
 * Ruche's inbound pipeline brings the mention into the inbox, a community manager turns it into a ticket, the
 * department's e-mail arrives, and the department's e-mail answer comes back to the ticket. The network keeps its
 * data in the local PostgreSQL, so this runs when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../notifications/helpers.js';
import { answerReceiverPort } from '../../src/modules/tickets/inbound.js';
import { parseMail, replyByMail } from './helpers.js';
import { E2E_TIMEOUT, startTicketsOnBluesky, type TicketsOnBluesky } from './bluesky-fixture.js';

describe.runIf(process.env.TEST_DATABASE_URL)('a Bluesky mention becomes a ticket', () => {
  let f: TicketsOnBluesky;

  beforeAll(async () => {
    f = await startTicketsOnBluesky();
  }, E2E_TIMEOUT);
  afterAll(() => f?.stop(), E2E_TIMEOUT);

  it('from the mention on the network to the department’s answer on the ticket', async () => {
    const { owner, api, network, brand, customer } = f;
    await f.connectBrand();
    await f.supportAt('support@brand.test');

    const text = `@${brand.handle} my order 4521 never arrived and I want a refund`;
    await network.post(customer, text);
    await network.processAll();

    const item = await eventually(async () => {
      const row = await f.ruche.ctx.store.db.selectFrom('inbox_items').select(['id', 'text', 'kind']).where('workspace_id', '=', f.workspaceId).where('text', 'like', '%never arrived%').executeTakeFirst();
      return row ?? null;
    }, 'the mention in the inbox', 1200);
    expect(item.kind).toBe('mention');

    const opened = await owner.post(api(`/inbox/items/${item.id}/tickets`), { department: 'support' });
    expect(opened.status).toBe(201);
    const mail = await parseMail((await f.mailTo('support@brand.test')).raw);
    expect(mail.text).toContain('my order 4521 never arrived');
    expect(mail.text).toContain(`@${customer.handle}`);
    expect(mail.text).toContain('Claire Customer');

    await replyByMail(answerReceiverPort(f.ruche.ctx)!, mail.replyTo!, 'Refund issued today.\n\n> my order 4521 never arrived\n', { from: 'support@brand.test' });
    const answered = await eventually(async () => {
      const d = await owner.get(api(`/tickets/${opened.body.ticket.id}`));
      return d.body.ticket.status === 'answered' ? d.body : null;
    }, 'the answer on the ticket');
    expect(answered.messages.find((m: { source: string }) => m.source === 'email').body).toBe('Refund issued today.');
  }, E2E_TIMEOUT);
});
