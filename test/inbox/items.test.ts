/**
 * An item and its author through the HTTP API, on each database: the thread, context, notes, replies, tickets and
 * moderation log; the author's card; status, assignee, labels, notes and bulk changes; the live stream; sources;
 * who may read and act (a client only when the workspace lets clients read the inbox, and never acting); and
 * another workspace's ids answered as unknown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { inboxPath, seedItem } from './seed.js';
import { openEventStream } from '../helpers/event-stream.js';

describe.each(databases)('inbox items on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ownerId: string;
  let ws: string;
  let otherWs: string;
  let account: string;
  let cm: { client: TestClient; userId: string };
  let analyst: { client: TestClient; userId: string };
  let client: { client: TestClient; userId: string };

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws, userId: ownerId } = o);
    account = await connectLocalAccount(ruche, ws, ownerId, 'brand');
    cm = await addMember(owner, ws, 'cm@example.com', 'community_manager');
    analyst = await addMember(owner, ws, 'analyst@example.com', 'analyst');
    client = await addMember(owner, ws, 'client@example.com', 'client');
    otherWs = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id;
  });
  afterAll(() => ruche?.stop());

  it('shows an item with its conversation, context, notes, moderation and tickets', async () => {
    const root = await seedItem(ruche, ws, { text: 'Where is my order?', accountId: account, threadKey: 'thread-1', createdAt: 1000, author: { handle: 'ana.test', displayName: 'Ana Lima' } });
    const answer = await seedItem(ruche, ws, { text: 'Still waiting, two weeks now', accountId: account, threadKey: 'thread-1', createdAt: 2000, author: { handle: 'ana.test' } });
    await seedItem(ruche, ws, { text: 'Another conversation', accountId: account, threadKey: 'thread-2', createdAt: 3000, author: { handle: 'ana.test' } });
    const context = [{ ref: { id: 'at://brand/post/1' }, authorHandle: 'brand', text: 'Our launch', createdAt: '2026-11-01T10:00:00.000Z' }];
    await ruche.ctx.store.db.updateTable('inbox_items').set({ context: JSON.stringify(context) }).where('id', '=', answer.id).execute();
    await ruche.ctx.store.db.insertInto('moderation_log').values({
      id: 'log-1', workspace_id: ws, item_id: answer.id, author_id: answer.authorId, actor_id: ownerId, rule_id: null, action: 'hide',
      outcome: 'done', reasons: JSON.stringify(['insult']), detail: null, undoes: null, created_at: 5000,
    }).execute();
    const note = await cm.client.post(inboxPath(ws, `/items/${answer.id}/notes`), { body: 'Customer since 2019' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ body: 'Customer since 2019', authorId: cm.userId });

    const detail = (await analyst.client.get(inboxPath(ws, `/items/${answer.id}`))).body;
    expect(detail.item).toMatchObject({ id: answer.id, text: 'Still waiting, two weeks now', author: { handle: 'ana.test', displayName: 'Ana Lima' } });
    expect(detail.thread.map((i: { id: string }) => i.id)).toEqual([root.id, answer.id]);
    expect(detail.context).toEqual(context);
    expect(detail.notes).toMatchObject([{ body: 'Customer since 2019', authorId: cm.userId, authorName: 'cm' }]);
    expect(detail.moderation).toMatchObject([{ id: 'log-1', action: 'hide', reasons: ['insult'] }]);
    expect(detail.replies).toEqual([]);
    expect(detail.tickets).toEqual([]);

    const card = (await analyst.client.get(inboxPath(ws, `/authors/${answer.authorId}`))).body;
    expect(card.author).toMatchObject({ handle: 'ana.test', itemCount: 3 });
    expect(card.items).toHaveLength(3);
    expect(card.items[0].text).toBe('Another conversation');
    expect(card.actions).toMatchObject([{ action: 'hide' }]);
    expect(card.replies).toBe(0);
  });

  it('changes status, assignee and labels, one by one and in bulk, each answering for itself', async () => {
    const a = await seedItem(ruche, ws, { text: 'bulk one', accountId: account });
    const b = await seedItem(ruche, ws, { text: 'bulk two', accountId: account });
    const wait = await cm.client.patch(inboxPath(ws, `/items/${a.id}`), { status: 'waiting', assigneeId: cm.userId, labels: [' vip ', 'vip', 'late'] });
    expect(wait.status).toBe(200);
    expect(wait.body).toMatchObject({ status: 'waiting', assigneeId: cm.userId, labels: ['late', 'vip'] });
    expect((await cm.client.patch(inboxPath(ws, `/items/${a.id}`), { assigneeId: 'not-a-member' })).status).toBe(400);

    const bulk = await cm.client.post(inboxPath(ws, '/items/bulk'), { itemIds: [a.id, b.id, 'missing'], status: 'done', addLabels: ['handled'], removeLabels: ['late'] });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toEqual([
      { id: a.id, ok: true, error: null },
      { id: b.id, ok: true, error: null },
      { id: 'missing', ok: false, error: 'No such item.' },
    ]);
    const after = async (id: string) => (await cm.client.get(inboxPath(ws, `/items/${id}`))).body.item;
    expect(await after(a.id)).toMatchObject({ status: 'done', labels: ['handled', 'vip'] });
    expect(await after(b.id)).toMatchObject({ status: 'done', labels: ['handled'] });
    const labelled = (await cm.client.get(inboxPath(ws, '/items?label=handled'))).body.items.map((i: { id: string }) => i.id).sort();
    expect(labelled).toEqual([a.id, b.id].sort());
  });

  it('writes what members change on an item in the audit log, with its author', async () => {
    const item = await seedItem(ruche, ws, { text: 'audited', accountId: account, author: { handle: 'olive.test' } });
    await cm.client.patch(inboxPath(ws, `/items/${item.id}`), { status: 'waiting', assigneeId: analyst.userId, labels: ['vip', 'late'] });
    // Nothing changes, nothing is written.
    await cm.client.patch(inboxPath(ws, `/items/${item.id}`), { status: 'waiting' });
    await cm.client.post(inboxPath(ws, `/items/${item.id}/notes`), { body: 'Called her back' });
    await cm.client.post(inboxPath(ws, '/items/bulk'), { itemIds: [item.id], status: 'done', addLabels: ['handled'], removeLabels: ['late'], assigneeId: null });
    const audit = (await owner.get(`/api/v1/workspaces/${ws}/audit`)).body.items as Array<{ action: string; data: Record<string, unknown>; actor: { id: string }; targetId: string }>;
    const rows = audit.filter((e) => e.targetId === item.id);
    const who = { handle: 'olive.test', network: 'bluesky' };
    // Rows written in one transaction share their time: compared in any order.
    const sorted = (list: unknown[]) => list.map((x) => JSON.stringify(x)).sort();
    expect(sorted(rows.map((e) => [e.action, e.data]))).toEqual(sorted([
      ['inbox.item_status_changed', { from: 'open', to: 'waiting', ...who }],
      ['inbox.item_assigned', { assignee: 'analyst', ...who }],
      ['inbox.item_labels_changed', { added: ['late', 'vip'], removed: [], ...who }],
      ['inbox.note_added', who],
      ['inbox.item_status_changed', { from: 'waiting', to: 'done', ...who }],
      ['inbox.item_assigned', { assignee: null, ...who }],
      ['inbox.item_labels_changed', { added: ['handled'], removed: ['late'], ...who }],
    ]));
    expect(rows.every((e) => e.actor.id === cm.userId)).toBe(true);
    // The note's text stays with the item.
    expect(JSON.stringify(rows)).not.toContain('Called her back');
  });

  it('streams the ids of items that arrive or change', async () => {
    const stream = await openStream(ruche.url, cm.client, ws);
    try {
      await stream.next('hello');
      // The pipeline that stores an item tells the open inboxes.
      const item = await seedItem(ruche, ws, { text: 'arriving live', accountId: account });
      expect(await stream.next('items')).toEqual({ itemIds: [item.id] });
      await cm.client.patch(inboxPath(ws, `/items/${item.id}`), { status: 'waiting' });
      expect(await stream.next('items')).toEqual({ itemIds: [item.id] });
      // Another workspace's news is not sent here.
      await (await import('../../src/modules/inbox/live.js')).announceInbox(ruche.ctx, otherWs, ['elsewhere']);
      await cm.client.post(inboxPath(ws, `/items/${item.id}/notes`), { body: 'seen' });
      expect(await stream.next('items')).toEqual({ itemIds: [item.id] });
    } finally {
      stream.close();
    }
  });

  it('lists each account’s sources and whether direct messages are collected', async () => {
    await ruche.ctx.store.db.insertInto('inbox_sources').values({
      account_id: account, source: 'notifications', workspace_id: ws, cursor: null, backfill_since: 0, backfill_done_at: null,
      backfill_progress: 0.4, live: 'firehose', last_polled_at: 1234, last_error: 'rate limited', updated_at: 1234,
    }).execute();
    const res = await cm.client.get(inboxPath(ws, '/sources'));
    expect(res.body.items).toEqual([{
      accountId: account, network: 'bluesky', handle: 'brand', source: 'notifications', backfillProgress: 0.4, backfillDone: false,
      live: 'firehose', lastPolledAt: 1234, lastError: 'rate limited', dmsCollected: false, setAside: 0,
    }]);
  });

  it('lets a client read the inbox only when the workspace says so, and never act', async () => {
    const item = await seedItem(ruche, ws, { text: 'client view', accountId: account });
    await cm.client.post(inboxPath(ws, `/items/${item.id}/notes`), { body: 'Team only: she is a journalist' });
    const reads = [
      inboxPath(ws, '/items'), inboxPath(ws, '/counts'), inboxPath(ws, `/items/${item.id}`), inboxPath(ws, `/authors/${item.authorId}`), inboxPath(ws, '/sources'),
    ];
    for (const path of reads) expect(`${path} ${(await client.client.get(path)).status}`).toBe(`${path} 403`);
    expect((await owner.patch(`/api/v1/workspaces/${ws}`, { clientsSeeInbox: true })).body.clientsSeeInbox).toBe(true);
    for (const path of reads) expect(`${path} ${(await client.client.get(path)).status}`).toBe(`${path} 200`);
    // How the inbox is collected, and nothing of the account's credentials.
    const sources = await client.client.get(inboxPath(ws, '/sources'));
    expect(sources.body.items.map((s: { accountId: string }) => s.accountId)).toContain(account);
    expect(JSON.stringify(sources.body)).not.toMatch(/credential|token|password/i);
    // The team's internal notes stay with the team, unless the workspace shares its internal comments with clients.
    const seen = async () => (await client.client.get(inboxPath(ws, `/items/${item.id}`))).body as { notes: Array<{ body: string }>; notesVisible: boolean };
    expect(await seen()).toMatchObject({ notes: [], notesVisible: false });
    expect((await analyst.client.get(inboxPath(ws, `/items/${item.id}`))).body.notes.map((n: { body: string }) => n.body)).toEqual(['Team only: she is a journalist']);
    await owner.patch(`/api/v1/workspaces/${ws}`, { clientsSeeInternalComments: true });
    expect((await seen()).notes.map((n) => n.body)).toEqual(['Team only: she is a journalist']);
    await owner.patch(`/api/v1/workspaces/${ws}`, { clientsSeeInternalComments: false });
    expect((await client.client.patch(inboxPath(ws, `/items/${item.id}`), { status: 'done' })).status).toBe(403);
    expect((await client.client.post(inboxPath(ws, `/items/${item.id}/notes`), { body: 'x' })).status).toBe(403);
    expect((await client.client.post(inboxPath(ws, `/items/${item.id}/replies`), { kind: 'reply', body: 'x' })).status).toBe(403);
    expect((await client.client.post(inboxPath(ws, '/items/bulk'), { itemIds: [item.id], status: 'done' })).status).toBe(403);
    await owner.patch(`/api/v1/workspaces/${ws}`, { clientsSeeInbox: false });
    expect((await client.client.get(inboxPath(ws, '/items'))).status).toBe(403);
    // An analyst reads but does not act.
    expect((await analyst.client.get(inboxPath(ws, '/items'))).status).toBe(200);
    expect((await analyst.client.patch(inboxPath(ws, `/items/${item.id}`), { status: 'done' })).status).toBe(403);
  });

  it("answers another workspace's item and author ids as unknown", async () => {
    const item = await seedItem(ruche, ws, { text: 'only in A', accountId: account });
    const saved = await owner.post(inboxPath(ws, '/saved-replies'), { title: 'T', body: 'B', language: 'en' });
    const paths: Array<[string, string, unknown?]> = [
      ['GET', `/items/${item.id}`],
      ['GET', `/authors/${item.authorId}`],
      ['PATCH', `/items/${item.id}`, { status: 'done' }],
      ['POST', `/items/${item.id}/notes`, { body: 'x' }],
      ['POST', `/items/${item.id}/replies`, { kind: 'reply', body: 'x' }],
      ['POST', `/items/${item.id}/reply-limits`, { body: 'x' }],
      ['PATCH', `/saved-replies/${saved.body.id}`, { title: 'x' }],
      ['POST', `/saved-replies/${saved.body.id}/render`, { itemId: item.id }],
      ['DELETE', `/saved-replies/${saved.body.id}`],
    ];
    for (const [method, path, body] of paths) {
      const res = await owner.request(method, inboxPath(otherWs, path), body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 404`);
    }
    const bulk = await owner.post(inboxPath(otherWs, '/items/bulk'), { itemIds: [item.id], status: 'done' });
    expect(bulk.body.results).toEqual([{ id: item.id, ok: false, error: 'No such item.' }]);
    expect((await owner.get(inboxPath(otherWs, '/items'))).body.items).toEqual([]);
    expect((await owner.get(inboxPath(otherWs, `/items?q=${encodeURIComponent('only')}`))).body.items).toEqual([]);
    expect((await owner.get(inboxPath(ws, `/items/${item.id}`))).body.item.status).toBe('open');
  });
});

/** Reads server-sent events from the inbox stream, with the client's session cookie. */
function openStream(baseUrl: string, client: TestClient, ws: string) {
  return openEventStream(`${baseUrl}${inboxPath(ws, '/stream')}`, client);
}
