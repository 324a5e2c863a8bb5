/**
 * The crisis radar through the whole app on each database, on a clock the test moves: a week of calm counts, then
 * a spike arriving minute by minute through the pipeline raises one alert with its evidence, tells the members who
 * read listening in the app and by e-mail, and calls the workspace's signed webhook; a topic at its usual pace next
 * to it raises nothing; a workspace that turned e-mail off is told in the app only.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../../helpers/client.js';
import { readableMail, startSmtp } from '../../helpers/smtp.js';
import { waitFor } from '../../inbound/helpers.js';
import { ingestPosts } from '../../../src/modules/listening/ingest.js';
import type { ListeningPost } from '../../../src/modules/listening/types.js';
import { addTopic, blueskyPost, listeningPath, manualClock, newWorkspace } from './setup.js';

const MINUTE = 60_000;
const DAY = 1440;
const SECRET = 'a webhook secret for the test';

interface Hook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.each(databases)('listening alerts on %s', (kind) => {
  const clock = manualClock(Math.floor(Date.now() / MINUTE) * MINUTE);
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let ownerId: string;
  let analystId: string;
  let creatorId: string;
  let smtp: { server: SMTPServer; port: number; inbox: { to: string[]; raw: string }[] };
  let hookServer: http.Server;
  const hooks: Hook[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    hookServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, { clock });
    ({ client: owner, workspaceId: ws, userId: ownerId } = await setupOwner(ruche.url));
    analystId = (await addMember(owner, ws, 'analyst@example.com', 'analyst')).userId;
    creatorId = (await addMember(owner, ws, 'creator@example.com', 'content_creator')).userId;
  });
  afterAll(async () => {
    await ruche?.stop();
    await new Promise<void>((r) => smtp.server.close(() => r()));
    hookServer.closeAllConnections();
    await new Promise((r) => hookServer.close(r));
  });

  /** A calm week for the topic, as per-minute counts: one mention every three minutes. */
  const calmWeek = async (topicId: string) => {
    const now = Math.floor(clock.now() / MINUTE);
    const rows = [];
    for (let m = now - 7 * DAY; m < now; m++) if (m % 3 === 0) rows.push({ topic_id: topicId, minute: m, total: 1, negative: 0, positive: 0 });
    for (let i = 0; i < rows.length; i += 500) await ruche.ctx.store.db.insertInto('listening_topic_minutes').values(rows.slice(i, i + 500)).execute();
  };

  const alertsOf = (workspaceId: string) => ruche.ctx.store.db.selectFrom('listening_alerts').selectAll().where('workspace_id', '=', workspaceId).execute();

  it('raises one volume alert for a spike, with its evidence, in the app, by e-mail and on the signed webhook; none for a calm topic', async () => {
    const put = await owner.request('PUT', listeningPath(ws, '/settings'), { webhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`, webhookSecret: SECRET, emailAlerts: true });
    expect(put.body).toEqual({ webhookUrl: expect.stringContaining('/hook'), hasSecret: true, emailAlerts: true });
    // A second workspace of the owner's, spiking too, that wants no e-mail.
    const quiet = await newWorkspace(owner);
    expect((await owner.request('PUT', listeningPath(quiet, '/settings'), { webhookUrl: null, emailAlerts: false })).status).toBe(200);

    const spiky = await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const calm = await addTopic(owner, ws, { name: 'Rival', query: 'rival' });
    const quietTopic = await addTopic(owner, quiet, { name: 'Quiet brand', query: 'acme' });
    for (const t of [spiky, calm, quietTopic]) await calmWeek(t.id);
    // Mentions of the past days, for the words that rise to be measured against.
    const start = clock.now();
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, Array.from({ length: 12 }, (_, i) =>
      blueskyPost(`Acme kettle review number ${i}`, { n: `old${i}`, at: start - (i + 1) * 11 * 3_600_000, hashtags: ['kettle'] })));
    const topics = (await owner.get(listeningPath(ws, '/topics'))).body.items;
    expect(topics.find((t: { id: string }) => t.id === spiky.id).radar).toMatchObject({ status: 'calm' });

    let n = 0;
    const author = (i: number) => ({ id: `did:plc:fan${i % 40}`, handle: `fan${i % 40}.test`, displayName: null, followers: 10 + i });
    for (let minute = 0; minute < 30; minute++) {
      clock.set(start + minute * MINUTE + 30_000);
      const at = clock.now() - 1000;
      const spike: ListeningPost[] = Array.from({ length: 12 }, () => blueskyPost(`Acme product recall announced today, statement ${++n}`, { n: `s${n}`, at, hashtags: ['recall'], author: author(n) }));
      const usual = minute % 3 === 0 ? [blueskyPost(`Rival opened a shop ${minute}`, { n: `r${minute}`, at })] : [];
      await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [...spike, ...usual]);
      await ingestPosts(ruche.ctx, { workspaceId: quiet, sourceId: null }, spike);
    }

    const alerts = await alertsOf(ws);
    expect(alerts.map((a) => [a.topic_id, a.kind])).toEqual([[spiky.id, 'volume_spike']]);
    const alert = alerts[0];
    const detail = (await owner.get(listeningPath(ws, `/alerts/${alert.id}`))).body;
    expect(detail).toMatchObject({ id: alert.id, topicId: spiky.id, topicName: 'Acme', kind: 'volume_spike', status: 'open', crisisId: null });
    expect(detail.observed).toBeGreaterThan(detail.expected * 1.5);
    expect(detail.curve).toHaveLength(96);
    expect(detail.curve.at(-1).count).toBeGreaterThanOrEqual(12);
    expect(detail.mentions.length).toBeGreaterThan(0);
    expect(detail.mentions.every((m: { text: string; topicIds: string[] }) => m.text.startsWith('Acme product recall') && m.topicIds.includes(spiky.id))).toBe(true);
    expect(detail.rising.map((r: { term: string }) => r.term)).toContain('#recall');
    const evidence = JSON.parse(alert.evidence);
    expect(evidence.mentionIds).toEqual(detail.mentions.map((m: { id: string }) => m.id));
    expect((await owner.get(listeningPath(ws, '/alerts?status=open'))).body.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);

    // In the app: the members who read listening, not the content creator.
    const told = await ruche.ctx.store.db.selectFrom('notifications').select(['user_id', 'object_id']).where('kind', '=', 'listening.alert').where('workspace_id', '=', ws).execute();
    expect(told.map((t) => t.user_id).sort()).toEqual([ownerId, analystId].sort());
    expect(told.every((t) => t.object_id === alert.id)).toBe(true);
    expect(told.some((t) => t.user_id === creatorId)).toBe(false);

    // By e-mail, once the worker sent it.
    const mails = await waitFor('the alert e-mails', async () => {
      const found = smtp.inbox.filter((m) => readableMail(m.raw).includes(`/listening/alerts/${alert.id}`));
      return found.length >= 2 ? found : null;
    });
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['analyst@example.com', 'owner@example.com']);

    // On the webhook, signed with the secret set in the settings.
    const hook = await waitFor('the webhook call', async () => hooks[0]);
    const timestamp = String(hook.headers['x-ruche-timestamp']);
    const expected = `sha256=${crypto.createHmac('sha256', SECRET).update(`${timestamp}.${hook.body}`).digest('hex')}`;
    expect(hook.headers['x-ruche-signature']).toBe(expected);
    const payload = JSON.parse(hook.body);
    expect(payload.text).toContain('Spike in mentions on "Acme"');
    expect(payload.text).toContain(`/listening/alerts/${alert.id}`);
    expect(payload.ruche).toMatchObject({ type: 'listening.alert', id: alert.id, kind: 'volume_spike', topic: 'Acme' });

    // The workspace without e-mail alerts: told in the app, no mail.
    const quietAlerts = await alertsOf(quiet);
    expect(quietAlerts.map((a) => a.kind)).toEqual(['volume_spike']);
    const quietTold = await ruche.ctx.store.db.selectFrom('notifications').select(['user_id', 'in_app', 'email']).where('object_id', '=', quietAlerts[0].id).execute();
    expect(quietTold.map((t) => [t.user_id, Number(t.in_app), Number(t.email)])).toEqual([[ownerId, 1, 0]]);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.inbox.filter((m) => readableMail(m.raw).includes(`/listening/alerts/${quietAlerts[0].id}`))).toEqual([]);
    expect(hooks).toHaveLength(1);

    // The settings' test message goes the same way, signed alike.
    expect((await owner.post(listeningPath(ws, '/settings/test-webhook'))).body).toEqual({ ok: true, status: 200, error: null });
    const test = hooks[1];
    expect(test.headers['x-ruche-signature']).toBe(`sha256=${crypto.createHmac('sha256', SECRET).update(`${test.headers['x-ruche-timestamp']}.${test.body}`).digest('hex')}`);
    expect(JSON.parse(test.body)).toMatchObject({ text: expect.any(String), ruche: { type: 'listening.test' } });
  });
});
