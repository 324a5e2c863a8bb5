/**
 * Replies from the inbox through the whole app, on each database, against the documented-API Mastodon fake (no
 * Mastodon server installs here) and the real Mastodon connector: in the right thread with the author's mention,
 * exactly once even when the answer is lost and the server forgot its idempotency key, or when the job runs again
 * after a crash; saved replies with their variables; the network's counter; time to first reply; a ticket holds
 * the item open until the public reply is out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../helpers/ruche.js';
import { mastodonSuite } from '../helpers/mastodon-ruche.js';
import type { FakeAccount } from '../connectors/mastodon-fake-state.js';
import { MastodonConnector } from '../../src/connectors/mastodon/index.js';
import { INBOX_REPLY } from '../../src/modules/inbox/job-names.js';
import { inboxPath, seedItem } from './seed.js';
import { eventually } from '../notifications/helpers.js';

describe.each(databases)('replies from the inbox on %s', (kind) => {
  const m = mastodonSuite(kind, { brand: 'brand' });
  let fan: FakeAccount;

  beforeAll(() => {
    fan = m.fake.createAccount('marie', { displayName: 'Marie Dupont' });
  });

  /** A mention of the brand written on the fake by Marie, stored in the inbox as the pipeline would. */
  const mention = async (text: string, language = 'fr') => {
    const status = m.fake.mentionAs(fan, m.me, text) as { id: string };
    const { id } = await seedItem(m.ruche, m.ws, {
      text, accountId: m.accountId, network: 'mastodon', kind: 'mention', language, externalId: status.id,
      author: { handle: fan.username, displayName: fan.displayName, externalId: fan.id },
    });
    return { itemId: id, statusId: status.id };
  };
  const answersTo = (statusId: string) => m.fake.statusesOf(m.me.id).filter((s) => s.inReplyToId === statusId);
  const settled = (itemId: string, replyId: string) =>
    eventually(async () => {
      const d = (await m.owner.get(inboxPath(m.ws, `/items/${itemId}`))).body;
      const r = d.replies.find((x: { id: string }) => x.id === replyId);
      return r && ['sent', 'failed', 'unknown'].includes(r.status) ? { detail: d, reply: r } : null;
    }, 'the reply to settle');

  it('replies in the thread, naming the author, and records the first reply time', async () => {
    const { itemId, statusId } = await mention('Ma commande est en retard');
    const limits = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/reply-limits`), { body: 'Nous regardons' });
    expect(limits.body).toEqual({ used: 14, max: 500 });
    const res = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'reply', body: 'Nous regardons tout de suite.' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'reply', status: 'queued', followUp: null });
    const { detail, reply } = await settled(itemId, res.body.id);
    expect(reply.status).toBe('sent');
    const [answer] = answersTo(statusId);
    expect(answersTo(statusId)).toHaveLength(1);
    expect(answer!.text).toContain('@marie');
    expect(answer!.text).toContain('Nous regardons tout de suite.');
    expect(reply.externalId).toBe(answer!.id);
    expect(detail.item.firstReplyAt).toBeGreaterThan(0);
    expect(detail.item.replyCount).toBe(1);
    const counts = (await m.owner.get(inboxPath(m.ws, '/counts'))).body;
    expect(counts.firstReply.replied).toBeGreaterThanOrEqual(1);
    expect(counts.firstReply.medianMs).toBeGreaterThanOrEqual(0);
  });

  it('sends once when the answer is lost and the server forgot the key: the retry finds the reply', async () => {
    const { itemId, statusId } = await mention('Toujours rien reçu');
    m.lossy.loseNextAnswer('/api/v1/statuses');
    // Without its key, only the check before retrying keeps the server from posting twice.
    m.fake.forgetIdempotencyKeys();
    const lostBefore = m.lossy.lost;
    const res = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'reply', body: 'Nous relançons le transporteur.' });
    m.fake.forgetIdempotencyKeys();
    const { reply } = await settled(itemId, res.body.id);
    expect(m.lossy.lost).toBe(lostBefore + 1);
    expect(reply.status).toBe('sent');
    expect(answersTo(statusId)).toHaveLength(1);
    expect(reply.externalId).toBe(answersTo(statusId)[0]!.id);
  });

  it('sends once when the job runs again after a crash between the write and its record', async () => {
    const { itemId, statusId } = await mention('Une autre question');
    const res = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'reply', body: 'Bien reçu, merci.' });
    await settled(itemId, res.body.id);
    expect(answersTo(statusId)).toHaveLength(1);
    // As if the worker died right after the network took the reply: the row still says "sending".
    await m.ruche.ctx.store.db.updateTable('inbox_replies').set({ status: 'sending', external_id: null, sent_at: null }).where('id', '=', res.body.id).execute();
    m.fake.forgetIdempotencyKeys();
    const again = await m.ruche.ctx.jobs.queue.enqueue(INBOX_REPLY, { replyId: res.body.id }, { workspaceId: m.ws });
    await eventually(async () => ['succeeded', 'failed'].includes((await m.ruche.ctx.jobs.queue.get(again.id))?.status ?? '') || null, 'the second run');
    const { reply } = await settled(itemId, res.body.id);
    expect(reply.status).toBe('sent');
    expect(answersTo(statusId)).toHaveLength(1);
    // And a plain duplicate run of a sent reply does nothing.
    const third = await m.ruche.ctx.jobs.queue.enqueue(INBOX_REPLY, { replyId: res.body.id }, { workspaceId: m.ws });
    await eventually(async () => (await m.ruche.ctx.jobs.queue.get(third.id))?.status === 'succeeded' || null, 'the third run');
    expect(answersTo(statusId)).toHaveLength(1);
  });

  it('refuses a reply the network would refuse as too long, and an empty one', async () => {
    const { itemId } = await mention('Long');
    const long = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'reply', body: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('too_long');
    const empty = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'reply', body: '  ' });
    expect(empty.status).toBe(400);
  });

  it('likes only where the network allows it', async () => {
    const { itemId } = await mention('Bravo pour le lancement');
    const declares = new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl: m.fake.url, accessToken: m.me.token, accountId: m.me.id } }).capabilities.has('like');
    const res = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'like' });
    if (!declares) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('not_supported');
      return;
    }
    expect(res.status).toBe(202);
    expect((await settled(itemId, res.body.id)).reply.status).toBe('sent');
  });

  it('saved replies fill in the author, first name and brand, in the item’s language first', async () => {
    const path = inboxPath(m.ws, '/saved-replies');
    const fr = await m.owner.post(path, { title: 'Merci', body: 'Merci {first_name} ({author}) de la part de {brand} {unknown}', language: 'fr' });
    expect(fr.status).toBe(201);
    const en = await m.owner.post(path, { title: 'Thanks', body: 'Thanks {first_name}!', language: 'en' });
    const { itemId } = await mention('Super service');
    const listed = (await m.owner.get(`${path}?itemId=${itemId}`)).body.items.map((s: { title: string }) => s.title);
    expect(listed.indexOf('Merci')).toBeLessThan(listed.indexOf('Thanks'));
    const rendered = await m.owner.post(inboxPath(m.ws, `/saved-replies/${fr.body.id}/render`), { itemId });
    expect(rendered.body.body).toBe('Merci Marie (@marie) de la part de Brand A {unknown}');
    const changed = await m.owner.patch(inboxPath(m.ws, `/saved-replies/${en.body.id}`), { body: 'Thank you {author}' });
    expect(changed.body.body).toBe('Thank you {author}');
    expect((await m.owner.delete(inboxPath(m.ws, `/saved-replies/${en.body.id}`))).status).toBe(204);
    expect((await m.owner.delete(inboxPath(m.ws, `/saved-replies/${en.body.id}`))).status).toBe(404);
  });

  it('an item with an open ticket cannot be done before the public reply is sent', async () => {
    const { itemId, statusId } = await mention('Je veux un remboursement');
    const dept = await m.owner.post(`/api/v1/workspaces/${m.ws}/departments`, { name: 'Remboursements', email: 'support@example.com', responseHours: 24 });
    expect(dept.status).toBe(201);
    const ticket = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/tickets`), { department: dept.body.id });
    expect(ticket.status).toBe(201);
    const refused = await m.owner.patch(inboxPath(m.ws, `/items/${itemId}`), { status: 'done' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ticket_open');
    const bulk = await m.owner.post(inboxPath(m.ws, '/items/bulk'), { itemIds: [itemId], status: 'done' });
    expect(bulk.body.results).toEqual([{ id: itemId, ok: false, error: expect.stringContaining('public reply') }]);
    const res = await m.owner.post(inboxPath(m.ws, `/items/${itemId}/replies`), { kind: 'reply', body: 'Le service client vous répond.' });
    await settled(itemId, res.body.id);
    expect(answersTo(statusId)).toHaveLength(1);
    const done = await m.owner.patch(inboxPath(m.ws, `/items/${itemId}`), { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
  });
});
