/**
 * What a post becomes when a Mastodon-compatible server fails it, through the whole app: the real connector
 * against the documented-API fake (no Mastodon server installs here) with the quirks of Hollo, a real
 * compatible server that answers invalid input with a bare 500 and renders statuses from Markdown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { databases } from '../helpers/ruche.js';
import { inSeconds, waitForStatus } from '../helpers/publishing.js';
import { mastodonSuite } from '../helpers/mastodon-ruche.js';

describe.each(databases)('publishing to a Mastodon-compatible server that fails, on %s', (kind) => {
  const m = mastodonSuite(kind, { brand: 'ruche', quirks: 'hollo' });
  afterEach(() => {
    m.fake.failNext = { count: 0, status: 500 };
  });

  const posts = (p = '') => `/api/v1/workspaces/${m.ws}/posts${p}`;
  const creates = () => m.fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').length;
  const schedule = async (body: string) => {
    // Far enough ahead that a busy machine submits it before its time (after it, a post waits for someone to say when).
    const created = await m.owner.post(posts(), { body, accountIds: [m.accountId], scheduledAt: inSeconds(2) });
    await m.owner.post(posts(`/${created.body.id}/submit`));
    return created.body.id as string;
  };

  it('a server error that says why fails the post at once, in the server’s words', async () => {
    m.fake.failNext = { count: 10, status: 500, path: '/api/v1/statuses', message: 'The status you are replying to no longer exists' };
    const before = creates();
    const id = await schedule('Réponse à un message effacé');
    const done = await waitForStatus(m.owner, m.ws, id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('failed');
    expect(done.targets[0].error).toEqual({ kind: 'rejected', message: 'The status you are replying to no longer exists' });
    expect(creates() - before).toBe(1);
  });

  it('a bare 500 is tried again later, and the same answer twice ends it with the server’s words', async () => {
    m.fake.failNext = { count: 10, status: 500, path: '/api/v1/statuses' };
    const before = creates();
    const id = await schedule('Une image que le serveur ne sait pas lire');
    const done = await waitForStatus(m.owner, m.ws, id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('failed');
    expect(done.targets[0].error).toEqual({ kind: 'rejected', message: 'Internal Server Error (HTTP 500)' });
    expect(creates() - before).toBe(2);
  });

  it('a post whose answers were lost is unknown, and a retry after the server forgot its key finds it', async () => {
    const text = 'Soldes *demain* : **-20 %** sur tout';
    for (let i = 0; i < 3; i++) m.lossy.loseNextAnswer('/api/v1/statuses');
    const id = await schedule(text);
    const unknown = await waitForStatus(m.owner, m.ws, id, ['failed', 'unknown', 'published']);
    expect(unknown.status).toBe('unknown');
    expect(unknown.targets[0].error.kind).toBe('unknown_outcome');
    // The answers were lost, not the post: the server has it, rendered from Markdown.
    const out = m.fake.statusesOf(m.me.id).filter((s) => s.text === text);
    expect(out).toHaveLength(1);
    m.fake.forgetIdempotencyKeys();
    expect((await m.owner.post(posts(`/${id}/retry`))).status).toBe(200);
    const done = await waitForStatus(m.owner, m.ws, id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('published');
    expect(done.targets[0].url).toBe(`${m.fake.url}/@${m.me.username}/${out[0].id}`);
    expect(m.fake.statusesOf(m.me.id).filter((s) => s.text === text)).toHaveLength(1);
  });
});
