/**
 * A feed read end to end on each database: a web server on 127.0.0.1 (private networks allowed for the test), the
 * feed added through the API, read by the poll job as the due pass queues it, its entries stored as mentions; read
 * again conditionally; a failing feed backed off, a gone one set aside until a person resumes it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { waitFor, waitForJob } from '../../inbound/helpers.js';
import { LISTENING_POLL_DUE } from '../../../src/modules/listening/job-names.js';
import { addTopic, listeningPath, mentionsOf, newWorkspace } from './setup.js';

const ETAG = '"v1"';
const MODIFIED = 'Tue, 05 Mar 2024 10:00:00 GMT';

function rss(items: { guid: string; title: string; text: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Acme watch</title><link>https://watch.example/</link>
    <description>News</description>${items.map((i) => `<item><title>${i.title}</title><link>https://watch.example/${i.guid}</link>
    <guid isPermaLink="false">${i.guid}</guid><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate><description>${i.text}</description></item>`).join('')}
    </channel></rss>`;
}

describe.each(databases)('listening feed polling on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let server: http.Server;
  let origin: string;
  const requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  /** What each path answers; a status alone answers that status. */
  const routes = new Map<string, string | number>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      requests.push({ path, headers: req.headers });
      const route = routes.get(path);
      if (typeof route === 'number') return void res.writeHead(route).end('no');
      if (route === undefined) return void res.writeHead(404).end('not found');
      if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': MODIFIED }).end(route);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1' });
    ({ client: owner } = await setupOwner(ruche.url));
  });
  afterAll(async () => {
    await ruche?.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  let runs = 0;
  /** The due pass as the scheduler queues it, then the reads it queued. */
  const duePass = async (sourceId: string) => {
    const before = await ruche.ctx.store.db.selectFrom('jobs').select('id').where('type', '=', 'listening.poll').execute();
    const job = await ruche.ctx.jobs.queue.enqueue(LISTENING_POLL_DUE, {}, { idempotencyKey: `test-due:${++runs}` });
    expect((await waitForJob(ruche, job.id)).status).toBe('succeeded');
    const known = new Set(before.map((j) => j.id));
    const queued = (await ruche.ctx.store.db.selectFrom('jobs').select(['id', 'payload']).where('type', '=', 'listening.poll').execute())
      .filter((j) => !known.has(j.id) && String(j.payload).includes(sourceId));
    expect(queued).toHaveLength(1);
    return waitForJob(ruche, queued[0].id);
  };
  const sourceOf = async (ws: string, id: string) => (await owner.get(listeningPath(ws, '/sources'))).body.items.find((s: { id: string }) => s.id === id);

  it('reads a feed into mentions, then again conditionally, answered 304', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    routes.set('/acme.xml', rss([
      { guid: 'e1', title: 'Acme opens a new shop', text: 'In Lyon.' },
      { guid: 'e2', title: 'Weather', text: 'Rain all week.' },
      { guid: 'e3', title: 'Review', text: 'The Acme kettle is sturdy.' },
    ]));
    const source = (await owner.post(listeningPath(ws, '/sources'), { kind: 'feed', url: `${origin}/acme.xml` })).body;
    const first = await duePass(source.id);
    expect(first.status).toBe('succeeded');
    const rows = await mentionsOf(ruche, ws);
    expect(rows.map((r) => [r.network, r.uri.split('/').pop(), r.source_id]).sort()).toEqual([['feed', 'e1', source.id], ['feed', 'e3', source.id]]);
    // Added without a name, the source showed the site's address; once read, it shows the feed's own title.
    expect(source.title).toBe(new URL(origin).host);
    expect(await sourceOf(ws, source.id)).toMatchObject({ title: 'Acme watch', health: 'ok', lastError: null, failures: 0, mentionCount: 2 });

    // Due again: the poll asks with the validators the feed gave and is answered "not modified".
    await ruche.ctx.store.db.updateTable('listening_sources').set({ next_poll_at: ruche.ctx.clock.now() - 1 }).where('id', '=', source.id).execute();
    const second = await duePass(source.id);
    expect(second.status).toBe('succeeded');
    const last = requests.filter((r) => r.path === '/acme.xml').at(-1)!;
    expect(last.headers['if-none-match']).toBe(ETAG);
    expect(last.headers['if-modified-since']).toBe(MODIFIED);
    expect(await mentionsOf(ruche, ws)).toHaveLength(2);
    expect(await sourceOf(ws, source.id)).toMatchObject({ health: 'ok', mentionCount: 2 });

    // Asked now from the API: the same read, queued at once.
    const asked = await owner.post(listeningPath(ws, `/sources/${source.id}/poll`));
    expect(asked.status).toBe(202);
    expect((await waitForJob(ruche, asked.body.jobId)).status).toBe('succeeded');
  });

  it('backs off a failing feed with the reason, sets a gone one aside until it is resumed', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    routes.set('/flaky.xml', 503);
    routes.set('/broken.xml', '<rss><channel><item><title>Acme');
    const flaky = (await owner.post(listeningPath(ws, '/sources'), { kind: 'feed', url: `${origin}/flaky.xml` })).body;
    const broken = (await owner.post(listeningPath(ws, '/sources'), { kind: 'feed', url: `${origin}/broken.xml` })).body;
    const now = ruche.ctx.clock.now();

    expect((await duePass(flaky.id)).status).toBe('succeeded');
    const backoff = await sourceOf(ws, flaky.id);
    expect(backoff).toMatchObject({ status: 'active', health: 'backoff', failures: 1 });
    expect(backoff.lastError).toContain('503');
    expect(Date.parse(backoff.nextPollAt)).toBeGreaterThan(now);

    const poll = await owner.post(listeningPath(ws, `/sources/${broken.id}/poll`));
    expect((await waitForJob(ruche, poll.body.jobId)).status).toBe('succeeded');
    const aside = await sourceOf(ws, broken.id);
    expect(aside).toMatchObject({ status: 'set_aside', health: 'error', failures: 1 });
    expect(aside.lastError).toMatch(/^malformed: /);
    // Set aside: the due pass leaves it alone, whatever its time.
    await ruche.ctx.store.db.updateTable('listening_sources').set({ next_poll_at: now - 1 }).where('id', '=', broken.id).execute();
    const due = await ruche.ctx.jobs.queue.enqueue(LISTENING_POLL_DUE, {}, { idempotencyKey: `test-due:${++runs}` });
    await waitForJob(ruche, due.id);
    const reads = requests.filter((r) => r.path === '/broken.xml').length;
    expect(reads).toBe(1);

    // Fixed and resumed: read at once, failures forgotten, mentions stored.
    routes.set('/broken.xml', rss([{ guid: 'fixed', title: 'Acme is back', text: 'All good.' }]));
    const resumed = await owner.patch(listeningPath(ws, `/sources/${broken.id}`), { status: 'active' });
    expect(resumed.body).toMatchObject({ status: 'active', health: 'pending', failures: 0 });
    expect((await duePass(broken.id)).status).toBe('succeeded');
    await waitFor('the resumed feed read', async () => (await sourceOf(ws, broken.id)).health === 'ok');
    expect((await mentionsOf(ruche, ws)).map((m) => m.uri.split('/').pop())).toEqual(['fixed']);
  });
});
