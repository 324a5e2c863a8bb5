import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, TestClient } from '../helpers/client.js';
import { startSmtp } from '../helpers/smtp.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { eventually } from '../notifications/helpers.js';
import { answerReceiverPort } from '../../src/modules/tickets/inbound.js';
import { overdueJob } from '../../src/modules/tickets/overdue.js';
import { openTicket } from '../../src/modules/tickets/open.js';
import { INBOUND_SECRET, mailEnv, markPublicAnswerSent, parseMail, replyByMail, seedItem } from './helpers.js';

describe.each(databases)('tickets on %s', (kind) => {
  let ruche: TestRuche;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let owner: { client: TestClient; workspaceId: string; userId: string };
  let ws: string;
  let accountId: string;
  let cm: Awaited<ReturnType<typeof addMember>>;
  let analyst: Awaited<ReturnType<typeof addMember>>;
  let client: Awaited<ReturnType<typeof addMember>>;
  const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;

  beforeAll(async () => {
    smtp = await startSmtp();
    ruche = await startTestRuche(kind, mailEnv(smtp.port), { connectors: new LocalNetwork().factory() });
    owner = await setupOwner(ruche.url);
    ws = owner.workspaceId;
    accountId = await connectLocalAccount(ruche, ws, owner.userId, 'brand');
    cm = await addMember(owner.client, ws, 'cm@example.com', 'community_manager');
    analyst = await addMember(owner.client, ws, 'analyst@example.com', 'analyst');
    client = await addMember(owner.client, ws, 'client@example.com', 'client');
  });
  afterAll(async () => {
    await ruche?.stop();
    await new Promise<void>((r) => (smtp ? smtp.server.close(() => r()) : r()));
  });

  const mailTo = (address: string) => eventually(async () => smtp.inbox.find((m) => m.to.includes(address)), `a mail to ${address}`);
  const departments = async (c: TestClient = cm.client) => {
    const res = await c.get(api('/departments'));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string; key: string | null; name: string; email: string; responseHours: number }>;
  };
  const setEmail = async (key: string, email: string) => {
    const d = (await departments()).find((x) => x.key === key)!;
    const res = await cm.client.patch(api(`/departments/${d.id}`), { email });
    expect(res.status).toBe(200);
    return d;
  };

  it('creates the five built-in departments on first read, and lets a community manager add and edit departments', async () => {
    const first = await departments();
    expect(first.map((d) => d.key).sort()).toEqual(['legal', 'marketing', 'product', 'rnd', 'support']);
    expect(first.every((d) => d.email === '' && d.responseHours > 0)).toBe(true);
    expect((await departments(analyst.client)).length).toBe(5);

    const created = await cm.client.post(api('/departments'), { name: 'Warranty desk', email: 'Warranty@Brand.test', responseHours: 12 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: null, name: 'Warranty desk', email: 'warranty@brand.test', responseHours: 12 });
    const edited = await cm.client.patch(api(`/departments/${created.body.id}`), { responseHours: 6, name: 'Warranty' });
    expect(edited.body).toMatchObject({ name: 'Warranty', responseHours: 6 });
    expect((await departments()).length).toBe(6);

    // A built-in department keeps its name (the app names it in each language) and cannot be deleted.
    const legal = first.find((d) => d.key === 'legal')!;
    expect((await cm.client.patch(api(`/departments/${legal.id}`), { name: 'Lawyers' })).body.name).toBe(legal.name);
    expect((await cm.client.delete(api(`/departments/${legal.id}`))).body.error.code).toBe('department_built_in');
    expect((await cm.client.post(api('/departments'), { name: 'Bad', email: 'not an address' })).status).toBe(400);
    // A name another department reads as, in either language or case, is refused: the dialog would offer it twice.
    for (const name of ['warranty', ' Service  client ', 'Legal']) {
      const taken = await cm.client.post(api('/departments'), { name });
      expect(taken.status, name).toBe(409);
      expect(taken.body.error.code).toBe('department_name_taken');
    }
    const other = await cm.client.post(api('/departments'), { name: 'Returns' });
    expect((await cm.client.patch(api(`/departments/${other.body.id}`), { name: 'WARRANTY' })).body.error.code).toBe('department_name_taken');
    expect((await cm.client.patch(api(`/departments/${other.body.id}`), { name: 'Returns', responseHours: 5 })).status).toBe(200);
    expect((await cm.client.delete(api(`/departments/${other.body.id}`))).status).toBe(204);
    expect((await cm.client.delete(api(`/departments/${created.body.id}`))).status).toBe(204);

    const audit = await owner.client.get(api('/audit'));
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['department.created', 'department.updated', 'department.deleted']));
  });

  it('refuses editing departments without the permission, and reading them without the inbox', async () => {
    const [d] = await departments();
    expect((await analyst.client.patch(api(`/departments/${d.id}`), { email: 'x@brand.test' })).status).toBe(403);
    expect((await analyst.client.post(api('/departments'), { name: 'Mine' })).status).toBe(403);
    expect((await client.client.get(api('/departments'))).status).toBe(403);
  });

  it('refuses to send a ticket to a department without an e-mail address, with a clear reason', async () => {
    const item = await seedItem(ruche, ws, { accountId, text: 'Where is my refund?' });
    const res = await cm.client.post(api(`/inbox/items/${item.id}/tickets`), { department: 'marketing' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('department_without_email');
    expect(res.body.error.message).toMatch(/no e-mail address/);
  });

  it('e-mails the department, and its answer by e-mail comes back to the ticket, marked answered, its owner told', async () => {
    await setEmail('legal', 'legal@brand.test');
    const hostile = 'Your product burned my kitchen <script>alert(1)</script> <b>lawyer</b> is calling';
    const item = await seedItem(ruche, ws, { accountId, text: hostile, handle: 'angry.customer.test', displayName: 'Angry Customer' });
    const opened = await cm.client.post(api(`/inbox/items/${item.id}/tickets`), { department: 'legal', ownerId: cm.userId, note: 'Please check with insurance.' });
    expect(opened.status).toBe(201);
    const ticket = opened.body.ticket;
    expect(ticket).toMatchObject({ status: 'open', overdue: false, publicAnswerSent: false, department: { key: 'legal' }, owner: { id: cm.userId } });
    // Once per item and department.
    const again = await cm.client.post(api(`/inbox/items/${item.id}/tickets`), { department: 'legal' });
    expect(again.status).toBe(200);
    expect(again.body.ticket.id).toBe(ticket.id);

    const received = await mailTo('legal@brand.test');
    const mail = await parseMail(received.raw);
    expect(mail.html).toBe(false);
    expect(mail.text).toContain(hostile);
    expect(mail.text).toContain('@angry.customer.test');
    expect(mail.text).toContain('Please check with insurance.');
    expect(mail.text).toContain(`${ruche.url}/w/${ws}/tickets/${ticket.id}`);
    expect(mail.replyTo).toMatch(/^replies\+t-[0-9a-f]{32}@ruche\.test$/);
    // Only the token's hash is kept.
    const row = await ruche.ctx.store.db.selectFrom('tickets').select('reply_token_hash').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.reply_token_hash).not.toContain(mail.replyTo!.split('+t-')[1].split('@')[0]);

    const port = answerReceiverPort(ruche.ctx)!;
    await replyByMail(port, mail.replyTo!, 'We have opened a claim with the insurer.\n\nOn Tue, 1 Dec 2026 at 10:00, Ruche <noreply@ruche.test> wrote:\n> Your product burned my kitchen\n> quoted text\n');
    const detail = await eventually(async () => {
      const d = await cm.client.get(api(`/tickets/${ticket.id}`));
      return d.body.ticket.status === 'answered' ? d.body : null;
    }, 'the ticket answered');
    const answer = detail.messages.find((m: { source: string }) => m.source === 'email');
    expect(answer).toMatchObject({ answer: true, fromEmail: 'legal@brand.test', body: 'We have opened a claim with the insurer.' });
    expect(detail.messages.map((m: { source: string; body: string }) => (m.source === 'system' ? m.body : m.source))).toEqual(['opened', 'app', 'emailed', 'email']);

    const owners = await owner.client.get('/api/v1/notifications');
    const cmNotes = await cm.client.get('/api/v1/notifications');
    expect(cmNotes.body.items.some((n: { kind: string; object: { id: string } }) => n.kind === 'ticket.answered' && n.object.id === ticket.id)).toBe(true);
    expect(owners.body.items.some((n: { kind: string }) => n.kind === 'ticket.answered')).toBe(false);
  });

  it('refuses mail for unknown tickets and for other addresses at the receiver, and stores nothing', async () => {
    const port = answerReceiverPort(ruche.ctx)!;
    const before = await ruche.ctx.store.db.selectFrom('ticket_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(replyByMail(port, `replies+t-${'0'.repeat(32)}@ruche.test`, 'Hello')).rejects.toThrow(/No ticket answers at this address/);
    await expect(replyByMail(port, 'postmaster@ruche.test', 'Hello')).rejects.toThrow(/only ticket answers/);
    // Too large: refused whatever the address.
    await expect(replyByMail(port, `replies+t-${'0'.repeat(32)}@ruche.test`, 'x'.repeat(3 * 1024 * 1024))).rejects.toThrow(/larger than|size/i);
    const after = await ruche.ctx.store.db.selectFrom('ticket_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('takes answers as raw MIME over HTTP with the secret only', async () => {
    await setEmail('product', 'product@brand.test');
    const item = await seedItem(ruche, ws, { accountId, text: 'The app crashes when I upload a photo' });
    const opened = await cm.client.post(api(`/inbox/items/${item.id}/tickets`), { department: 'product' });
    const mail = await parseMail((await mailTo('product@brand.test')).raw);
    const raw = `From: product@brand.test\r\nTo: ${mail.replyTo}\r\nSubject: Re: Ticket\r\nMessage-ID: <answer-1@brand.test>\r\n\r\nFixed in version 2.3.\r\n`;
    const post = (secret: string | null, body = raw) =>
      fetch(`${ruche.url}/inbound/mail`, { method: 'POST', headers: { 'content-type': 'message/rfc822', ...(secret ? { authorization: `Bearer ${secret}` } : {}) }, body });
    const wrong = await post('not-the-secret-at-all');
    expect(wrong.status).toBe(401);
    expect((await post(null)).status).toBe(401);
    const unknown = await post(INBOUND_SECRET, raw.replace(/t-[0-9a-f]{32}/, `t-${'a'.repeat(32)}`));
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_ticket');
    expect((await cm.client.get(api(`/tickets/${opened.body.ticket.id}`))).body.ticket.status).toBe('open');

    const ok = await post(INBOUND_SECRET);
    expect(ok.status).toBe(200);
    // The same message delivered twice is kept once.
    expect(((await (await post(INBOUND_SECRET)).json()) as { duplicate: boolean }).duplicate).toBe(true);
    const detail = (await cm.client.get(api(`/tickets/${opened.body.ticket.id}`))).body;
    expect(detail.ticket.status).toBe('answered');
    expect(detail.messages.filter((m: { source: string }) => m.source === 'email').map((m: { body: string }) => m.body)).toEqual(['Fixed in version 2.3.']);
  });

  it('answers in the app, and closes only once the public answer has gone out', async () => {
    const item = await seedItem(ruche, ws, { accountId, text: 'Your ad campaign is misleading' });
    await setEmail('support', 'support@brand.test');
    const t = (await cm.client.post(api(`/inbox/items/${item.id}/tickets`), { department: 'support' })).body.ticket;
    const note = await cm.client.post(api(`/tickets/${t.id}/messages`), { body: 'Asked on the phone, waiting.' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ source: 'app', answer: false });
    expect((await cm.client.get(api(`/tickets/${t.id}`))).body.ticket.status).toBe('open');
    const answer = await cm.client.post(api(`/tickets/${t.id}/messages`), { body: 'Support says: refund sent.', answer: true });
    expect(answer.body.answer).toBe(true);
    expect((await cm.client.get(api(`/tickets/${t.id}`))).body.ticket.status).toBe('answered');

    const refused = await cm.client.patch(api(`/tickets/${t.id}`), { status: 'closed' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('public_answer_missing');
    await markPublicAnswerSent(ruche, ws, item.id, cm.userId);
    const closed = await cm.client.patch(api(`/tickets/${t.id}`), { status: 'closed', ownerId: analyst.userId });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket).toMatchObject({ status: 'closed', publicAnswerSent: true, owner: { id: analyst.userId } });
    const list = await cm.client.get(api('/tickets?status=closed'));
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(t.id);
    expect((await cm.client.get(api('/tickets?status=active'))).body.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
  });

  it('opens a ticket for a moderation rule, once, and tells the community managers when it has no owner', async () => {
    await setEmail('rnd', 'rnd@brand.test');
    const item = await seedItem(ruche, ws, { accountId, text: 'The firmware update bricked my device' });
    const request = { workspaceId: ws, itemId: item.id, department: 'rnd', createdBy: null, note: 'Rule: hardware complaints' };
    const id = await openTicket(ruche.ctx, request);
    expect(await openTicket(ruche.ctx, request)).toBe(id);
    const mail = await parseMail((await mailTo('rnd@brand.test')).raw);
    expect(mail.text).toContain('Rule: hardware complaints');
    const detail = (await cm.client.get(api(`/tickets/${id}`))).body;
    expect(detail.ticket).toMatchObject({ createdBy: null, owner: null, department: { key: 'rnd' } });
    await expect(openTicket(ruche.ctx, { ...request, department: 'no-such-department' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(openTicket(ruche.ctx, { ...request, department: 'marketing' })).rejects.toMatchObject({ code: 'department_without_email' });
    // The department answers in the app: nobody owns the ticket, so the community managers hear of it.
    await owner.client.post(api(`/tickets/${id}/messages`), { body: 'R&D will ship a fix.', answer: true });
    const told = (await cm.client.get('/api/v1/notifications')).body.items;
    expect(told.some((n: { kind: string; object: { id: string } }) => n.kind === 'ticket.answered' && n.object.id === id)).toBe(true);
  });

  it('lets an analyst read tickets but not act, and keeps clients out', async () => {
    const [t] = (await analyst.client.get(api('/tickets'))).body.items;
    expect(t).toBeDefined();
    expect((await analyst.client.post(api(`/tickets/${t.id}/messages`), { body: 'hi' })).status).toBe(403);
    expect((await analyst.client.patch(api(`/tickets/${t.id}`), { status: 'open' })).status).toBe(403);
    expect((await analyst.client.post(api(`/inbox/items/${t.itemId}/tickets`), { department: 'legal' })).status).toBe(403);
    expect((await client.client.get(api('/tickets'))).status).toBe(403);
  });

  it('flags overdue tickets once and tells their owner once', async () => {
    const item = await seedItem(ruche, ws, { accountId, text: 'Still no answer after a week' });
    const past = new Date(Date.now() - 3600_000).toISOString();
    const t = (await cm.client.post(api(`/inbox/items/${item.id}/tickets`), { department: 'legal', dueAt: past, ownerId: cm.userId })).body.ticket;
    expect(t.overdue).toBe(true);
    const job = overdueJob(ruche.ctx).prepare({});
    if (!job.ok) throw new Error(job.error);
    const jobCtx = { jobId: 'test', type: 'tickets.overdue', attempt: 1, workspaceId: null, signal: new AbortController().signal, progress: async () => {} };
    const first = (await job.run(jobCtx)) as { flagged: number };
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    const second = (await job.run(jobCtx)) as { flagged: number };
    expect(second.flagged).toBe(0);
    const overdue = (await cm.client.get(api('/tickets?overdue=1'))).body.items;
    expect(overdue.map((x: { id: string }) => x.id)).toContain(t.id);
    expect(overdue.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
    const notes = (await cm.client.get('/api/v1/notifications')).body.items.filter((n: { kind: string; object: { id: string } }) => n.kind === 'ticket.overdue' && n.object.id === t.id);
    expect(notes.length).toBe(1);
    const lines = (await cm.client.get(api(`/tickets/${t.id}`))).body.messages.filter((m: { body: string }) => m.body === 'overdue');
    expect(lines.length).toBe(1);
  });

  it("keeps one workspace's tickets and departments from another's members", async () => {
    const other = await owner.client.post('/api/v1/workspaces', { name: 'Brand B' });
    const outsider = await addMember(owner.client, other.body.id, 'outsider@example.com', 'admin');
    const [t] = (await cm.client.get(api('/tickets'))).body.items;
    const [d] = await departments();
    const b = (path: string) => `/api/v1/workspaces/${other.body.id}${path}`;
    expect((await outsider.client.get(b(`/tickets/${t.id}`))).status).toBe(404);
    expect((await outsider.client.patch(b(`/tickets/${t.id}`), { status: 'open' })).status).toBe(404);
    expect((await outsider.client.post(b(`/tickets/${t.id}/messages`), { body: 'x' })).status).toBe(404);
    expect((await outsider.client.patch(b(`/departments/${d.id}`), { email: 'x@evil.test' })).status).toBe(404);
    expect((await outsider.client.post(b(`/inbox/items/${t.itemId}/tickets`), { department: 'legal' })).status).toBe(404);
    expect((await outsider.client.get(b('/tickets'))).body.items).toEqual([]);
    expect((await outsider.client.get(api('/tickets'))).status).toBe(404);
  });
});
