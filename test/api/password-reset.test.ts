import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';
import { readableMail, startSmtp } from '../helpers/smtp.js';
import { clearOfWindowEnd } from '../helpers/windows.js';

const RESET = '/api/v1/password-reset';

/**
 * A forgotten password, reset with a link sent by e-mail: a real SMTP server receives the mail. Behind one
 * proxy, so that requests can come from several addresses.
 */
describe.each(databases)('password reset by e-mail on %s', (kind) => {
  let ruche: TestRuche;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    ruche = await startTestRuche(kind, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Ruche <noreply@ruche.test>', TRUST_PROXY: '1' });
    ({ client: owner, workspaceId } = await setupOwner(ruche.url));
  });
  afterAll(async () => {
    await ruche?.stop();
    await new Promise<void>((r) => smtp.server.close(() => r()));
  });

  let lastAddress = 0;
  /** Each call from its own address, unless one is given: the per-address limit stays out of the way. */
  const from = (client: TestClient, method: string, path: string, body: unknown, address = `198.51.100.${++lastAddress}`) =>
    client.request(method, path, body, { 'x-forwarded-for': address });

  // Invitations go out by e-mail too: only the reset mails count here.
  const mailsTo = (email: string) =>
    smtp.inbox.filter((m) => m.to.includes(email)).map((m) => readableMail(m.raw)).filter((m) => m.includes('/reset-password/'));
  async function linkSentTo(email: string, count = 1): Promise<string> {
    await expect.poll(() => mailsTo(email).length).toBe(count);
    const match = /(http:\/\/\S+\/reset-password\/(\S+))/.exec(mailsTo(email)[count - 1]);
    if (!match) throw new Error(`no link in the mail to ${email}`);
    expect(match[1].startsWith(ruche.url)).toBe(true);
    return decodeURIComponent(match[2]);
  }

  it('answers the same whether or not an account uses the address, and mails only an account’s holder', async () => {
    const { status } = await owner.get(RESET);
    expect(status).toBe(200);
    expect((await owner.get(RESET)).body).toEqual({ byEmail: true, linkMinutes: 60 });

    await addMember(owner, workspaceId, 'lea@example.com', 'analyst');
    const stranger = new TestClient(ruche.url);
    const unknown = await from(stranger, 'POST', RESET, { email: 'nobody@example.com', locale: 'en' });
    const known = await from(stranger, 'POST', RESET, { email: 'Lea@Example.com', locale: 'en' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);

    const token = await linkSentTo('lea@example.com');
    const mail = mailsTo('lea@example.com')[0];
    expect(mail).toMatch(/Subject: Choose a new password for Ruche/);
    expect(mail).toMatch(/within 60 minutes/);
    expect(smtp.inbox.some((m) => m.to.includes('nobody@example.com'))).toBe(false);
    expect(mailsTo('lea@example.com')).toHaveLength(1);

    // Only a hash of the token is kept.
    const stored = await ruche.ctx.store.db.selectFrom('verification' as never).selectAll().execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(token);

    // The account's own audit trail says a link went out; nothing is written for the unknown address.
    const rows = await ruche.ctx.store.db.selectFrom('audit_events').select(['action', 'data']).where('action', '=', 'auth.password_reset_requested').execute();
    expect(rows).toHaveLength(1);
  });

  it('writes the e-mail in the language of the page that asked', async () => {
    await addMember(owner, workspaceId, 'zoe@example.fr', 'client');
    await from(new TestClient(ruche.url), 'POST', RESET, { email: 'zoe@example.fr', locale: 'fr' });
    await linkSentTo('zoe@example.fr');
    const mail = mailsTo('zoe@example.fr')[0];
    expect(mail).toMatch(/Subject: Choisir un nouveau mot de passe pour Ruche/);
    expect(mail).toMatch(/fonctionne une seule fois, pendant 60 minutes/);
  });

  it('sets the new password once: every session is signed out, the old password stops working, the link is spent', async () => {
    const { client: firstDevice } = await addMember(owner, workspaceId, 'sam@example.com', 'strategist');
    const secondDevice = new TestClient(ruche.url);
    expect((await secondDevice.post('/api/v1/session', { email: 'sam@example.com', password: 'another good password' })).status).toBe(200);

    await from(new TestClient(ruche.url), 'POST', RESET, { email: 'sam@example.com', locale: 'en' });
    const token = await linkSentTo('sam@example.com');

    const visitor = new TestClient(ruche.url);
    const checked = await from(visitor, 'POST', `${RESET}/check`, { token });
    expect(checked.status).toBe(200);
    expect(checked.body.email).toBe('sam@example.com');

    const short = await from(visitor, 'POST', `${RESET}/confirm`, { token, newPassword: 'too short' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('validation_failed');

    const done = await from(visitor, 'POST', `${RESET}/confirm`, { token, newPassword: 'a brand new passphrase' });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe('sam@example.com');
    expect(done.body.memberships).toEqual([expect.objectContaining({ workspaceId, role: 'strategist' })]);
    // The visitor is signed in with the new password; both earlier sessions are gone.
    expect((await visitor.get('/api/v1/session')).status).toBe(200);
    expect((await firstDevice.get('/api/v1/session')).status).toBe(401);
    expect((await secondDevice.get('/api/v1/session')).status).toBe(401);

    const old = await from(new TestClient(ruche.url), 'POST', '/api/v1/session', { email: 'sam@example.com', password: 'another good password' });
    expect(old.status).toBe(401);
    const fresh = await from(new TestClient(ruche.url), 'POST', '/api/v1/session', { email: 'sam@example.com', password: 'a brand new passphrase' });
    expect(fresh.status).toBe(200);

    for (const [path, body] of [[`${RESET}/confirm`, { token, newPassword: 'yet another passphrase' }], [`${RESET}/check`, { token }]] as const) {
      const again = await from(new TestClient(ruche.url), 'POST', path, body);
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe('reset_link_invalid');
    }

    const audit = await owner.get(`/api/v1/workspaces/${workspaceId}/audit?limit=100`);
    const reset = audit.body.items.find((e: { action: string; actor: { name: string } | null }) => e.action === 'auth.password_reset' && e.actor?.name === 'sam');
    expect(reset?.data).toEqual({ via: 'email', sessions: 2 });
  });

  it('refuses a link past its hour, and a made-up one', async () => {
    await addMember(owner, workspaceId, 'max@example.com', 'content_creator');
    await from(new TestClient(ruche.url), 'POST', RESET, { email: 'max@example.com', locale: 'en' });
    const token = await linkSentTo('max@example.com');
    // An hour and more goes by: the row the link points at says so.
    const past = new Date(Date.now() - 60_000);
    const { db } = ruche.ctx.store;
    await db
      .updateTable('verification' as never)
      .set({ expiresAt: kind === 'postgres' ? past : past.toISOString() } as never)
      .execute();

    for (const t of [token, 'made-up-token']) {
      const checked = await from(new TestClient(ruche.url), 'POST', `${RESET}/check`, { token: t });
      expect(checked.status).toBe(400);
      expect(checked.body.error.code).toBe('reset_link_invalid');
      const confirmed = await from(new TestClient(ruche.url), 'POST', `${RESET}/confirm`, { token: t, newPassword: 'a brand new passphrase' });
      expect(confirmed.status).toBe(400);
      expect(confirmed.body.error.code).toBe('reset_link_invalid');
    }
    const still = await from(new TestClient(ruche.url), 'POST', '/api/v1/session', { email: 'max@example.com', password: 'another good password' });
    expect(still.status).toBe(200);
  });

  it('limits requests per e-mail address, known or not, and per caller’s address', async () => {
    await clearOfWindowEnd(60 * 60_000);
    await addMember(owner, workspaceId, 'kim@example.com', 'analyst');
    for (const email of ['kim@example.com', 'ghost@example.com']) {
      const statuses: number[] = [];
      // From a new address each time: the limit is the e-mail address's.
      for (let i = 0; i < 6; i++) statuses.push((await from(new TestClient(ruche.url), 'POST', RESET, { email })).status);
      expect(statuses, email).toEqual([202, 202, 202, 202, 202, 429]);
    }
    await linkSentTo('kim@example.com', 5);

    const sprayer = new TestClient(ruche.url);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await from(sprayer, 'POST', RESET, { email: `spray${i}@example.com` }, '203.0.113.50')).status);
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  }, 180_000);
});

describe.each(databases)('password reset without e-mail on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    await setupOwner(ruche.url);
  });
  afterAll(() => ruche?.stop());

  it('says an administrator resets the password instead', async () => {
    const visitor = new TestClient(ruche.url);
    expect((await visitor.get(RESET)).body).toEqual({ byEmail: false, linkMinutes: 60 });
    const res = await visitor.post(RESET, { email: 'owner@example.com' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('email_off');
  });
});
