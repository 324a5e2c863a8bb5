/**
 * Notifications made by the real actions (submit, decide, publish on the in-memory test network, comment),
 * read back through the API, on each database. E-mails are received by a real SMTP server in the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';
import { startSmtp } from '../helpers/smtp.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { inSeconds, waitForStatus } from '../helpers/publishing.js';
import { eventually, inbox, ofKind, team } from './helpers.js';
import { openEventStream } from '../helpers/event-stream.js';

describe.each(databases)('notifications on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let owner: { client: TestClient; userId: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    ruche = await startTestRuche(kind, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    owner = { client: o.client, userId: o.userId };
  });
  afterAll(async () => {
    await ruche?.stop();
    await new Promise<void>((r) => smtp.server.close(() => r()));
  });

  const posts = (ws: string, p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  // Invitations are e-mailed too: notification e-mails are those that end with the link to the preferences.
  const mailsTo = (email: string) =>
    smtp.inbox.filter((m) => m.to.includes(email)).map((m) => readable(m.raw)).filter((m) => m.includes('/account/notifications'));

  it('asks the approvers of the current step, and only them, with a link to the post', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator', client: 'client' }, {
      approvalSteps: [{ roles: ['strategist'], count: 1 }, { roles: ['client'], count: 1 }],
    });
    const { strat, writer, client } = people;
    const post = await writer.client.post(posts(ws), { body: 'Launch <b>day</b> is coming', accountIds: [account] });
    expect((await writer.client.post(posts(ws, `/${post.body.id}/submit`))).body.status).toBe('in_review');

    const asked = await inbox(strat.client);
    const [n] = ofKind(asked.items, 'approval.requested', post.body.id);
    expect(n).toMatchObject({
      workspaceId: ws,
      link: `/w/${ws}/calendar/posts/${post.body.id}`,
      params: { authorName: writer.handle, excerpt: 'Launch <b>day</b> is coming' },
      actor: { id: writer.userId },
      readAt: null,
    });
    expect(asked.unread).toBeGreaterThanOrEqual(1);
    // The client's step has not come; the writer and the owner approve nothing here.
    expect(ofKind((await inbox(client.client)).items, 'approval.requested', post.body.id)).toEqual([]);
    expect(ofKind((await inbox(writer.client)).items, 'approval.requested', post.body.id)).toEqual([]);
    expect(ofKind((await inbox(owner.client)).items, 'approval.requested', post.body.id)).toEqual([]);

    // The first step met, the client is asked in turn; the strategist is not asked twice.
    await strat.client.post(posts(ws, `/${post.body.id}/decision`), { decision: 'approved' });
    expect(ofKind((await inbox(client.client)).items, 'approval.requested', post.body.id)).toHaveLength(1);
    expect(ofKind((await inbox(strat.client)).items, 'approval.requested', post.body.id)).toHaveLength(1);
  });

  it('tells the author when approval completes, and when changes are asked for', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator' }, {
      approvalSteps: [{ roles: ['strategist'], count: 1 }],
    });
    const { strat, writer } = people;
    const first = await writer.client.post(posts(ws), { body: 'First try', accountIds: [account] });
    await writer.client.post(posts(ws, `/${first.body.id}/submit`));
    await strat.client.post(posts(ws, `/${first.body.id}/decision`), { decision: 'changes_requested', comment: 'Shorter, please' });
    const second = await writer.client.post(posts(ws), { body: 'Second try', accountIds: [account] });
    await writer.client.post(posts(ws, `/${second.body.id}/submit`));
    await strat.client.post(posts(ws, `/${second.body.id}/decision`), { decision: 'approved', comment: 'Good' });

    const { items } = await inbox(writer.client);
    expect(ofKind(items, 'post.changes_requested', first.body.id)).toMatchObject([
      { params: { actorName: strat.handle, comment: 'Shorter, please', excerpt: 'First try' }, actor: { id: strat.userId } },
    ]);
    expect(ofKind(items, 'post.approved', second.body.id)).toMatchObject([{ params: { actorName: strat.handle, excerpt: 'Second try' } }]);
    // The approver is not told of their own decision.
    expect((await inbox(strat.client)).items.filter((n) => n.kind.startsWith('post.'))).toEqual([]);
  });

  it('tells the author whose post is still waiting for approval at its planned time', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator' }, {
      approvalSteps: [{ roles: ['strategist'], count: 1 }],
    });
    const post = await people.writer.client.post(posts(ws), { body: 'Too late to approve', accountIds: [account], scheduledAt: inSeconds(1) });
    await people.writer.client.post(posts(ws, `/${post.body.id}/submit`));
    const [waiting] = await eventually(async () => {
      const found = ofKind((await inbox(people.writer.client)).items, 'post.waiting_approval', post.body.id);
      return found.length > 0 && found;
    }, 'the waiting notice');
    expect(waiting).toMatchObject({ params: { excerpt: 'Too late to approve' }, link: `/w/${ws}/calendar/posts/${post.body.id}` });
    await eventually(async () => mailsTo(people.writer.email).some((m) => m.includes('still waiting for approval')), 'the waiting e-mail');
  });

  it('tells the author and those who may publish when a post fails or its outcome is unknown', async () => {
    const { ws, people, account, accountHandle } = await team(ruche, owner, { writer: 'content_creator', cm: 'community_manager', analyst: 'analyst' });
    const { writer, cm, analyst } = people;
    const draft = await writer.client.post(posts(ws), { body: 'Will be refused', accountIds: [account] });
    expect((await writer.client.post(posts(ws, `/${draft.body.id}/submit`))).body.status).toBe('approved');
    network.failNext('rejected', 'Text refused by the network', accountHandle);
    await cm.client.post(posts(ws, `/${draft.body.id}/schedule`), { at: 'now' });
    await waitForStatus(cm.client, ws, draft.body.id, ['failed']);

    for (const who of [writer.client, cm.client, owner.client]) {
      const [n] = ofKind((await inbox(who)).items, 'post.failed', draft.body.id);
      expect(n).toMatchObject({ params: { outcome: 'failed', reason: 'Text refused by the network', excerpt: 'Will be refused' } });
    }
    expect(ofKind((await inbox(analyst.client)).items, 'post.failed')).toEqual([]);

    const unsure = await cm.client.post(posts(ws), { body: 'Lost answer', accountIds: [account] });
    network.failNext('unknown_outcome', 'No answer from the network', accountHandle);
    await cm.client.post(posts(ws, `/${unsure.body.id}/submit`));
    await cm.client.post(posts(ws, `/${unsure.body.id}/schedule`), { at: 'now' });
    await waitForStatus(cm.client, ws, unsure.body.id, ['unknown']);
    expect(ofKind((await inbox(writer.client)).items, 'post.failed', unsure.body.id)).toEqual([]);
    expect(ofKind((await inbox(owner.client)).items, 'post.failed', unsure.body.id)).toMatchObject([{ params: { outcome: 'unknown' } }]);
  });

  it('asks those who connect accounts to reconnect an account whose session expired, once', async () => {
    const { ws, people, account, accountHandle } = await team(ruche, owner, { cm: 'community_manager', writer: 'content_creator' });
    const { cm, writer } = people;
    network.failNext('auth_expired', 'Session expired', accountHandle);
    const post = await cm.client.post(posts(ws), { body: 'Needs a live session', accountIds: [account] });
    await cm.client.post(posts(ws, `/${post.body.id}/submit`));
    await cm.client.post(posts(ws, `/${post.body.id}/schedule`), { at: 'now' });
    await waitForStatus(cm.client, ws, post.body.id, ['failed']);
    const again = await cm.client.post(posts(ws), { body: 'Also held', accountIds: [account] });
    await cm.client.post(posts(ws, `/${again.body.id}/submit`));
    await cm.client.post(posts(ws, `/${again.body.id}/schedule`), { at: 'now' });
    await waitForStatus(cm.client, ws, again.body.id, ['failed']);

    for (const who of [cm.client, owner.client]) {
      const asks = ofKind((await inbox(who)).items, 'account.reconnect', account);
      expect(asks).toMatchObject([{ link: `/w/${ws}/settings/accounts`, params: { handle: accountHandle, reason: 'Session expired' } }]);
    }
    expect(ofKind((await inbox(writer.client)).items, 'account.reconnect')).toEqual([]);
  });

  it('tells members mentioned in a comment by name or e-mail local part', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator', cm: 'community_manager' });
    const { strat, writer, cm } = people;
    const post = await writer.client.post(posts(ws), { body: 'Draft to discuss', accountIds: [account] });
    const said = `@${strat.handle} what do you think? Also @${writer.handle} and @someone-else, write to ${cm.email}`;
    expect((await writer.client.post(posts(ws, `/${post.body.id}/comments`), { body: said })).status).toBe(204);
    expect(ofKind((await inbox(strat.client)).items, 'comment.mention', post.body.id)).toMatchObject([
      { params: { actorName: writer.handle, excerpt: 'Draft to discuss' }, actor: { id: writer.userId } },
    ]);
    // Not the commenter, and an address in the text is not a mention.
    expect(ofKind((await inbox(writer.client)).items, 'comment.mention')).toEqual([]);
    expect(ofKind((await inbox(cm.client)).items, 'comment.mention')).toEqual([]);
  });

  it('respects preferences: nothing in the app when off, an e-mail in the person\'s language when on', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', other: 'strategist', writer: 'content_creator' }, {
      approvalSteps: [{ roles: ['strategist'], count: 1 }],
    });
    const { strat, other, writer } = people;
    const set = await strat.client.patch('/api/v1/notifications/preferences', {
      locale: 'fr',
      kinds: [{ kind: 'approval.requested', inApp: false, email: true }],
    });
    expect(set.status).toBe(200);
    expect(set.body.kinds.find((k: { kind: string }) => k.kind === 'approval.requested')).toEqual({ kind: 'approval.requested', inApp: false, email: true });
    expect(set.body).toMatchObject({ locale: 'fr', emailAvailable: true });
    await other.client.patch('/api/v1/notifications/preferences', { kinds: [{ kind: 'approval.requested', inApp: true, email: false }] });

    const post = await writer.client.post(posts(ws), { body: 'Mail me « this »', accountIds: [account] });
    await writer.client.post(posts(ws, `/${post.body.id}/submit`));

    expect(ofKind((await inbox(strat.client)).items, 'approval.requested')).toEqual([]);
    expect(ofKind((await inbox(other.client)).items, 'approval.requested')).toHaveLength(1);
    const [mail] = await eventually(async () => mailsTo(strat.email).length > 0 && mailsTo(strat.email), 'the approval e-mail');
    expect(mail).toMatch(/Subject: .*Team/);
    expect(mail).toContain(`/w/${ws}/calendar/posts/${post.body.id}`);
    expect(mail).toContain(`Une publication de ${writer.handle} attend votre validation`);
    expect(mail).toContain('«\u00a0Mail me « this »\u00a0»');
    // The other approver turned e-mail off; the writer, whose language is unknown, gets the workspace's (English).
    await strat.client.post(posts(ws, `/${post.body.id}/decision`), { decision: 'changes_requested', comment: 'Non' });
    const [toWriter] = await eventually(async () => mailsTo(writer.email).length > 0 && mailsTo(writer.email), 'the e-mail to the author');
    expect(toWriter).toContain('asked for changes to your post');
    expect(mailsTo(other.email)).toEqual([]);
  });

  it('pages newest first, marks one or all read, and counts what is unread', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator' });
    const { strat, writer } = people;
    const post = await writer.client.post(posts(ws), { body: 'Many comments', accountIds: [account] });
    for (let i = 1; i <= 5; i++) await writer.client.post(posts(ws, `/${post.body.id}/comments`), { body: `@${strat.handle} note ${i}` });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await inbox(strat.client, `?workspaceId=${ws}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((n) => String(n.params.comment)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['5', '4', '3', '2', '1'].map((i) => `@${strat.handle} note ${i}`));

    const count = async () => (await strat.client.get('/api/v1/notifications/unread-count')).body.unread as number;
    const before = await count();
    const [newest] = (await inbox(strat.client, `?workspaceId=${ws}`)).items;
    expect((await strat.client.post(`/api/v1/notifications/${newest.id}/read`)).status).toBe(204);
    expect(await count()).toBe(before - 1);
    expect((await inbox(strat.client, `?workspaceId=${ws}`)).items[0].readAt).not.toBeNull();
    expect((await inbox(strat.client, `?workspaceId=${ws}&unread=true`)).items).toHaveLength(4);
    expect((await strat.client.post('/api/v1/notifications/read-all', {})).body.updated).toBeGreaterThanOrEqual(4);
    expect(await count()).toBe(0);
  });

  it("keeps each person's notifications theirs, and stops them when a member leaves", async () => {
    const a = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator' }, { approvalSteps: [{ roles: ['strategist'], count: 1 }] });
    const b = await team(ruche, owner, { outsider: 'admin' });
    const post = await a.people.writer.client.post(posts(a.ws), { body: 'Secret plan', accountIds: [a.account] });
    await a.people.writer.client.post(posts(a.ws, `/${post.body.id}/submit`));
    const [mine] = ofKind((await inbox(a.people.strat.client)).items, 'approval.requested', post.body.id);

    const outsider = b.people.outsider.client;
    expect((await inbox(outsider)).items).toEqual([]);
    expect((await inbox(outsider, `?workspaceId=${a.ws}`)).items).toEqual([]);
    expect((await outsider.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);
    expect((await outsider.post(`/api/v1/notifications/${mine.id}/read`)).status).toBe(404);
    expect((await a.people.writer.client.post(`/api/v1/notifications/${mine.id}/read`)).status).toBe(404);
    await outsider.post('/api/v1/notifications/read-all', { workspaceId: a.ws });
    expect((await inbox(a.people.strat.client)).items.find((n) => n.id === mine.id)?.readAt).toBeNull();
    expect((await new TestClient(ruche.url).get('/api/v1/notifications')).status).toBe(401);

    // Removed from A: its notifications are gone from their centre, and new ones do not reach them.
    expect((await owner.client.delete(`/api/v1/workspaces/${a.ws}/members/${a.people.strat.memberId}`)).status).toBe(204);
    expect((await inbox(a.people.strat.client)).items.filter((n) => n.workspaceId === a.ws)).toEqual([]);
    const later = await a.people.writer.client.post(posts(a.ws), { body: 'After they left', accountIds: [a.account] });
    await a.people.writer.client.post(posts(a.ws, `/${later.body.id}/submit`));
    const rows = await ruche.ctx.store.db.selectFrom('notifications').select('id').where('object_id', '=', later.body.id).execute();
    expect(rows).toEqual([]);
  });

  it('streams the unread count as it changes', async () => {
    const { ws, people, account } = await team(ruche, owner, { strat: 'strategist', writer: 'content_creator' });
    const { strat, writer } = people;
    await strat.client.post('/api/v1/notifications/read-all', {});
    const stream = await openStream(ruche.url, strat.client);
    try {
      expect(await stream.next('unread')).toEqual({ unread: 0, changed: false });
      const post = await writer.client.post(posts(ws), { body: 'Live', accountIds: [account] });
      await writer.client.post(posts(ws, `/${post.body.id}/comments`), { body: `@${strat.handle} look` });
      expect(await stream.next('unread')).toEqual({ unread: 1, changed: true });
      await strat.client.post('/api/v1/notifications/read-all', {});
      expect(await stream.next('unread')).toEqual({ unread: 0, changed: true });
    } finally {
      stream.close();
    }
  });
});

/** Reads server-sent events from the stream route, with the client's session cookie. */
function openStream(baseUrl: string, client: TestClient) {
  return openEventStream(`${baseUrl}/api/v1/notifications/stream`, client);
}

/** A received message with its quoted-printable body and encoded subject decoded, to read as a person would. */
function readable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  const words = unfolded.replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, q: string) => qp(q.replace(/_/g, ' ')));
  return qp(words);
}

function qp(text: string): string {
  return text.replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));
}
