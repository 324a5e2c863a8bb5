/**
 * What Ruche writes to its logs (pino's JSON lines, captured here through the context's logger): one line per
 * sign-in, per account connected, per post sent and per failed job, with ids and outcomes but no password, token,
 * cookie, e-mail address, post text nor job payload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, inSeconds, waitForStatus } from '../helpers/publishing.js';

type Line = Record<string, unknown>;

describe.each(databases)('log lines on %s', (kind) => {
  const network = new LocalNetwork();
  const raw: string[] = [];
  const lines = () => raw.map((l) => JSON.parse(l) as Line);
  const events = (event: string) => lines().filter((l) => l.event === event);
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let ownerId: string;
  const secrets: string[] = ['correct horse battery', 'owner@example.com', 'not the password'];

  beforeAll(async () => {
    const log = pino({ level: 'info' }, { write: (line: string) => void raw.push(line) });
    ruche = await startTestRuche(kind, {}, { connectors: network.factory(), log });
    ({ client: owner, workspaceId: ws, userId: ownerId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  const waitFor = async (pick: () => Line[], count = 1) => {
    await expect.poll(() => pick().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
    return pick();
  };

  it('says who signed in and from where, and counts failures without saying whose', async () => {
    const visitor = new TestClient(ruche.url);
    expect((await visitor.post('/api/v1/session', { email: 'owner@example.com', password: 'not the password' })).status).toBe(401);
    const res = await visitor.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' });
    expect(res.status).toBe(200);
    for (const c of res.headers.getSetCookie()) secrets.push(c.split(';')[0].split('=').slice(1).join('='));

    const [signIn] = await waitFor(() => events('auth.sign_in'));
    expect(signIn).toMatchObject({ level: 30, userId: ownerId, ip: '127.0.0.1', msg: 'signed in' });
    const failed = events('auth.sign_in_failed');
    expect(failed).toHaveLength(1);
    expect(Object.keys(failed[0]).sort()).toEqual(['event', 'hostname', 'level', 'msg', 'pid', 'reason', 'time']);
    expect(failed[0].reason).toBe('invalid_credentials');
  });

  it('logs each account connected and each post sent, with ids and outcome only', async () => {
    const accountId = await connectLocalAccount(ruche, ws, ownerId, 'logbook');
    const [connected] = await waitFor(() => events('account.connected'));
    expect(connected).toMatchObject({ level: 30, workspaceId: ws, accountId, network: 'bluesky', userId: ownerId, reconnected: false });

    const body = 'A secret launch nobody may read in the logs';
    secrets.push(body);
    const post = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body, accountIds: [accountId], scheduledAt: inSeconds(2) });
    await owner.post(`/api/v1/workspaces/${ws}/posts/${post.body.id}/submit`);
    await waitForStatus(owner, ws, post.body.id, ['published']);
    const [sent] = await waitFor(() => events('post.publish').filter((l) => l.postId === post.body.id));
    expect(sent).toMatchObject({ level: 30, postId: post.body.id, accountId, network: 'bluesky', outcome: 'published', attempt: 1 });
    expect(sent.targetId).toBe(post.body.targets[0].id);
  });

  it('logs a failed job attempt with its type, id, attempt and error, and not its payload', async () => {
    const accountId = await connectLocalAccount(ruche, ws, ownerId, 'busybee');
    network.failNext('transient', 'The network is busy', 'busybee');
    const post = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: 'Busy day', accountIds: [accountId], scheduledAt: inSeconds(2) });
    await owner.post(`/api/v1/workspaces/${ws}/posts/${post.body.id}/submit`);
    await waitForStatus(owner, ws, post.body.id, ['published']);
    const retried = (await waitFor(() => events('post.publish').filter((l) => l.postId === post.body.id), 2)).map((l) => [l.attempt, l.outcome]);
    expect(retried).toEqual([[1, 'retry'], [2, 'published']]);
    const [failure] = await waitFor(() => events('job.failed'));
    expect(failure).toMatchObject({ level: 30, type: 'post.publish', attempt: 1, code: 'transient', error: 'The network is busy' });
    expect(typeof failure.jobId).toBe('string');
    expect(failure).not.toHaveProperty('payload');
    expect(JSON.stringify(failure)).not.toContain(post.body.id);
  });

  it('never writes a password, a token, a cookie, an e-mail address or a post text', () => {
    expect(raw.length).toBeGreaterThan(5);
    for (const line of raw) {
      for (const secret of secrets) expect(line, line).not.toContain(secret);
      expect(line).not.toMatch(/"[^"]*(?:password|token|cookie|credentials|email|payload)[^"]*":/i);
    }
  });
});
