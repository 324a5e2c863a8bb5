/**
 * The listening API on each database, as the web app calls it: topics with their checked queries, sources and
 * OPML, the mention stream with its filters and pages, the dashboard's figures, sending a mention to the inbox or
 * to a department, who may do what, and the live stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../../helpers/client.js';
import { openEventStream } from '../../helpers/event-stream.js';
import { ingestPosts } from '../../../src/modules/listening/ingest.js';
import { addTopic, blueskyPost, listeningPath, mentionsOf, newWorkspace } from './setup.js';

const HOUR = 3_600_000;

describe.each(databases)('listening API on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let analyst: TestClient;
  let creator: TestClient;
  let cm: TestClient;
  const api = (p: string, w = ws) => listeningPath(w, p);

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    analyst = (await addMember(owner, ws, 'analyst@example.com', 'analyst')).client;
    creator = (await addMember(owner, ws, 'creator@example.com', 'content_creator')).client;
    cm = (await addMember(owner, ws, 'cm@example.com', 'community_manager')).client;
  });
  afterAll(() => ruche?.stop());

  it('creates, changes and removes topics, answering a malformed query with its code and column', async () => {
    const w = await newWorkspace(owner);
    const created = await owner.post(api('/topics', w), { name: 'Acme', kind: 'brand', query: '"acme corp" OR acme*' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme', kind: 'brand', sensitivity: 'medium', alertsEnabled: true, mentions24h: 0 });
    expect(created.body.terms.length).toBeGreaterThan(0);
    const bad = await owner.post(api('/topics', w), { name: 'Broken', kind: 'brand', query: 'acme AND (bolt OR' });
    expect(bad.status).toBe(400);
    const check = (await owner.post(api('/query-check', w), { query: 'acme AND (bolt OR' })).body;
    expect(check.ok).toBe(false);
    expect(bad.body.error).toMatchObject({ code: 'invalid_query', details: { code: check.error.code, column: check.error.column, length: check.error.length } });
    expect(check.error.column).toBeGreaterThan(1);

    const id = created.body.id;
    const patched = await owner.patch(api(`/topics/${id}`, w), { name: 'Acme Inc', sensitivity: 'high', query: 'acme' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: 'Acme Inc', sensitivity: 'high', query: 'acme', terms: ['acme'] });
    expect((await owner.patch(api(`/topics/${id}`, w), { query: 'acme AND' })).body.error).toMatchObject({ code: 'invalid_query', details: { code: 'dangling_operator' } });
    expect((await owner.get(api('/topics', w))).body.items.map((t: { name: string }) => t.name)).toEqual(['Acme Inc']);
    expect((await owner.delete(api(`/topics/${id}`, w))).status).toBe(204);
    expect((await owner.get(api('/topics', w))).body.items).toEqual([]);
    expect((await owner.patch(api(`/topics/${id}`, w), { name: 'Back' })).status).toBe(404);
  });

  it('checks a query: its terms, or the error with the column to underline', async () => {
    const ok = (await owner.post(api('/query-check'), { query: '#recall OR "acme corp"' })).body;
    expect(ok).toMatchObject({ ok: true, error: null });
    expect(ok.terms).toEqual(expect.arrayContaining(['#recall']));
    const query = 'acme "unclosed';
    const bad = (await owner.post(api('/query-check'), { query })).body;
    expect(bad).toMatchObject({ ok: false, terms: [], error: { code: 'unclosed_quote' } });
    expect(query.slice(bad.error.column - 1)).toMatch(/^"/);
  });

  it('adds sources with the addresses each kind speaks, and imports an OPML list', async () => {
    const w = await newWorkspace(owner);
    const feed = await owner.post(api('/sources', w), { kind: 'feed', url: 'https://news.example/feed.xml#top' });
    expect(feed.status).toBe(201);
    expect(feed.body).toMatchObject({ kind: 'feed', url: 'https://news.example/feed.xml', title: 'news.example', status: 'active', health: 'pending', mentionCount: 0 });
    expect((await owner.post(api('/sources', w), { kind: 'feed', url: 'https://news.example/feed.xml' })).body.error.code).toBe('source_exists');
    const invalid = async (body: Record<string, unknown>, code = 'invalid_url') => {
      const res = await owner.post(api('/sources', w), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      return res.body.error.details;
    };
    expect(await invalid({ kind: 'feed', url: 'not an address' })).toMatchObject({ field: 'url' });
    expect(await invalid({ kind: 'feed', url: 'ftp://news.example/feed' })).toMatchObject({ field: 'url' });
    expect(await invalid({ kind: 'feed', url: 'https://user:pw@news.example/feed' })).toMatchObject({ field: 'url' });
    expect(await invalid({ kind: 'bluesky_jetstream', url: 'https://jetstream.example/subscribe' })).toMatchObject({ field: 'url' });
    expect(await invalid({ kind: 'mastodon_public', url: 'wss://mastodon.example' })).toMatchObject({ field: 'url' });
    expect(await invalid({ kind: 'mastodon_tag', url: 'https://mastodon.example', tag: 'not a tag!' }, 'invalid_tag')).toMatchObject({ field: 'tag' });
    const tag = await owner.post(api('/sources', w), { kind: 'mastodon_tag', url: 'https://mastodon.example/', tag: '#Acme' });
    expect(tag.body).toMatchObject({ url: 'https://mastodon.example', tag: 'acme', title: '#acme · mastodon.example' });

    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Tech"><outline type="rss" text="One" xmlUrl="https://one.example/rss"/>
      <outline type="rss" text="Two" xmlUrl="https://two.example/atom"/></outline>
      <outline type="rss" text="Again" xmlUrl="https://news.example/feed.xml"/>
      <outline type="rss" text="Mail" xmlUrl="mailto:someone@example.com"/></body></opml>`;
    const imported = await owner.post(api('/sources/opml', w), { opml });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ added: 2, existing: 1, skipped: [{ reason: 'not_a_web_address', xmlUrl: 'mailto:someone@example.com' }] });
    const titles = (await owner.get(api('/sources', w))).body.items.map((s: { title: string }) => s.title);
    expect(titles).toEqual(['news.example', '#acme · mastodon.example', 'One', 'Two']);
    expect((await owner.post(api('/sources/opml', w), { opml: '<html>no</html>' })).body.error.code).toBe('invalid_opml');

    const paused = await owner.patch(api(`/sources/${feed.body.id}`, w), { status: 'paused', title: 'News' });
    expect(paused.body).toMatchObject({ status: 'paused', title: 'News' });
    expect((await owner.delete(api(`/sources/${feed.body.id}`, w))).status).toBe(204);
    expect((await owner.get(api('/sources', w))).body.items).toHaveLength(3);
  });

  it('lists mentions with each filter, in pages, newest or widest reach first', async () => {
    const w = await newWorkspace(owner);
    const acme = await addTopic(owner, w, { name: 'Acme', query: 'acme' });
    const rival = await addTopic(owner, w, { name: 'Rival', query: 'rival' });
    const src = (await owner.post(api('/sources', w), { kind: 'feed', url: 'https://src.example/feed' })).body.id;
    const now = Date.now();
    const posts = Array.from({ length: 7 }, (_, i) => blueskyPost(`Acme note number ${i}`, {
      n: `m${i}`, at: now - (i + 1) * HOUR, author: { id: `did:plc:a${i}`, handle: `a${i}.test`, displayName: null, followers: [5, 900, 30, 10_000, 1, 70, 400][i] },
    }));
    posts.push(blueskyPost('Rival launched a 50% sale', { n: 'r', at: now - 30 * 60_000 }));
    posts.push({ ...blueskyPost('Acme dans la presse', { n: 'feed', at: now - 20 * HOUR }), network: 'feed', uri: 'https://press.example/acme' });
    await ingestPosts(ruche.ctx, { workspaceId: w, sourceId: null }, posts.slice(0, 8));
    await ingestPosts(ruche.ctx, { workspaceId: w, sourceId: src }, posts.slice(8));
    // The analysers' verdicts are theirs to test: here the filters are, on figures set by hand.
    const rows = await mentionsOf(ruche, w);
    const byUri = new Map(rows.map((r) => [r.uri, r.id]));
    const set = (uri: string, v: { sentiment?: string; language?: string }) =>
      ruche.ctx.store.db.updateTable('listening_mentions').set(v).where('id', '=', byUri.get(uri)!).execute();
    await set(posts[1].uri, { sentiment: 'negative' });
    await set(posts[4].uri, { sentiment: 'negative' });
    await set(posts[8].uri, { language: 'fr', sentiment: 'positive' });

    const ids = async (query: string) => {
      const res = await owner.get(api(`/mentions?${query}`, w));
      expect(res.status, query).toBe(200);
      return res.body.items.map((m: { uri: string }) => m.uri.split('/').pop());
    };
    expect(await ids('')).toEqual(['r', 'm0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'acme']);
    expect(await ids(`topicId=${rival.id}`)).toEqual(['r']);
    expect((await ids(`topicId=${acme.id}`))).toHaveLength(8);
    expect(await ids('sentiment=negative')).toEqual(['m1', 'm4']);
    expect(await ids('network=feed')).toEqual(['acme']);
    expect(await ids('language=fr')).toEqual(['acme']);
    expect(await ids(`sourceId=${src}`)).toEqual(['acme']);
    expect(await ids(`q=${encodeURIComponent('50%')}`)).toEqual(['r']);
    expect(await ids(`q=${encodeURIComponent('number_')}`)).toEqual([]);
    expect(await ids(`from=${new Date(now - 3.5 * HOUR).toISOString()}&to=${new Date(now - 1.5 * HOUR).toISOString()}`)).toEqual(['m1', 'm2']);
    expect(await ids('sort=reach&limit=3')).toEqual(['m3', 'm1', 'm6']);

    for (const sort of ['newest', 'reach']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await owner.get(api(`/mentions?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`, w));
        expect(res.body.items.length).toBeLessThanOrEqual(4);
        seen.push(...res.body.items.map((m) => m.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
    }
  });

  it('figures the dashboard: volume that adds up, share of voice, top authors, rising terms', async () => {
    const w = await newWorkspace(owner);
    const acme = await addTopic(owner, w, { name: 'Acme', query: 'acme' });
    const rival = await addTopic(owner, w, { name: 'Rival', query: 'rival' });
    const now = Date.now();
    const loud = { id: 'did:plc:loud', handle: 'loud.test', displayName: 'Loud', followers: 5000 };
    const before = Array.from({ length: 4 }, (_, i) => blueskyPost(`Acme kettle review ${i}`, { n: `old${i}`, at: now - (60 + i) * HOUR, hashtags: ['kettle'] }));
    const recent = [
      ...Array.from({ length: 5 }, (_, i) => blueskyPost(`Acme recall announced ${i}`, { n: `new${i}`, at: now - (i * 7 + 1) * HOUR, hashtags: ['recall'], author: loud })),
      ...Array.from({ length: 3 }, (_, i) => blueskyPost(`Rival news ${i}`, { n: `rv${i}`, at: now - (i + 2) * HOUR })),
      blueskyPost('Acme and Rival side by side', { n: 'both', at: now - 3 * HOUR }),
    ];
    await ingestPosts(ruche.ctx, { workspaceId: w, sourceId: null }, [...before, ...recent]);
    const from = new Date(now - 48 * HOUR).toISOString();
    const to = new Date(now + 1).toISOString();
    const res = await owner.get(api(`/stats?from=${from}&to=${to}`, w));
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.bucket).toBe('hour');
    const totals = Object.fromEntries(s.volume.series.map((x: { topicId: string; total: number[] }) => [x.topicId, x.total.reduce((a, b) => a + b, 0)]));
    expect(totals).toEqual({ [acme.id]: 6, [rival.id]: 4 });
    for (const x of s.volume.series) expect(x.total).toHaveLength(s.volume.buckets.length);
    expect(s.shareOfVoice.reduce((a: number, x: { share: number }) => a + x.share, 0)).toBeCloseTo(1, 10);
    expect(s.shareOfVoice.find((x: { topicId: string }) => x.topicId === acme.id)).toMatchObject({ mentions: 6, share: 0.6 });
    expect(s.authors[0]).toMatchObject({ handle: 'loud.test', mentions: 5, followers: 5000 });
    expect(s.rising.hashtags.map((r: { term: string }) => r.term)).toContain('#recall');
    expect(s.rising.hashtags.map((r: { term: string }) => r.term)).not.toContain('#kettle');
    // One topic: its own figures only.
    const one = (await owner.get(api(`/stats?topicIds=${rival.id}&from=${from}&to=${to}`, w))).body;
    expect(one.shareOfVoice).toMatchObject([{ topicId: rival.id, mentions: 4, share: 1 }]);
  });

  it('sends a mention to the inbox once, and to a department as a ticket', async () => {
    const w = await newWorkspace(owner);
    await addTopic(owner, w, { name: 'Acme', query: 'acme' });
    await ingestPosts(ruche.ctx, { workspaceId: w, sourceId: null }, [blueskyPost('Acme lost my parcel, again', { n: 'parcel' }), blueskyPost('Acme second', { n: 'second' })]);
    const [m1, m2] = (await mentionsOf(ruche, w)).sort((a, b) => a.uri.localeCompare(b.uri));
    const first = await owner.post(api(`/mentions/${m1.id}/to-inbox`, w));
    expect(first.status).toBe(200);
    const again = await owner.post(api(`/mentions/${m1.id}/to-inbox`, w));
    expect(again.body.inboxItemId).toBe(first.body.inboxItemId);
    const item = await owner.get(`/api/v1/workspaces/${w}/inbox/items/${first.body.inboxItemId}`);
    expect(item.status).toBe(200);
    expect(item.body.item).toMatchObject({ text: 'Acme lost my parcel, again', author: { handle: 'author.test' } });
    expect((await owner.get(`/api/v1/workspaces/${w}/inbox/items`)).body.items.map((i: { id: string }) => i.id)).toEqual([first.body.inboxItemId]);
    const listed = (await owner.get(api('/mentions', w))).body.items.find((m: { id: string }) => m.id === m1.id);
    expect(listed.inboxItemId).toBe(first.body.inboxItemId);

    const departments = (await owner.get(`/api/v1/workspaces/${w}/departments`)).body.items;
    const support = departments.find((d: { key: string }) => d.key === 'support');
    expect((await owner.patch(`/api/v1/workspaces/${w}/departments/${support.id}`, { email: 'support@brand.test' })).status).toBe(200);
    const ticket = await owner.post(api(`/mentions/${m2.id}/to-ticket`, w), { departmentId: support.id });
    expect(ticket.status).toBe(200);
    const shown = await owner.get(`/api/v1/workspaces/${w}/tickets/${ticket.body.ticketId}`);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).toContain(ticket.body.inboxItemId);
    expect((await owner.post(api(`/mentions/${m2.id}/to-ticket`, w), { departmentId: 'nope' })).status).toBe(404);
  });

  it('lets an analyst read but not manage, keeps content creators out, and answers another workspace\'s ids as unknown', async () => {
    const topic = await addTopic(owner, ws, { name: 'Guarded', query: 'guarded' });
    const source = (await owner.post(api('/sources'), { kind: 'feed', url: 'https://guarded.example/feed' })).body;
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: source.id }, [blueskyPost('guarded words', { n: 'guarded' })]);
    const mention = (await mentionsOf(ruche, ws)).find((m) => m.uri.endsWith('guarded'))!;
    for (const path of ['/topics', '/sources', '/mentions', '/stats', '/alerts', '/crises', '/settings']) {
      expect((await analyst.get(api(path))).status, path).toBe(200);
      expect((await creator.get(api(path))).status, path).toBe(403);
    }
    expect((await analyst.post(api('/topics'), { name: 'No', kind: 'brand', query: 'no' })).status).toBe(403);
    expect((await analyst.patch(api(`/topics/${topic.id}`), { name: 'No' })).status).toBe(403);
    expect((await analyst.post(api('/sources'), { kind: 'feed', url: 'https://no.example/feed' })).status).toBe(403);
    expect((await analyst.request('PUT', api('/settings'), { webhookUrl: null, emailAlerts: false })).status).toBe(403);
    expect((await analyst.post(api(`/mentions/${mention.id}/to-inbox`))).status).toBe(403);
    expect((await analyst.post(api('/crises'), { title: 'No', pausePublishing: false })).status).toBe(403);
    expect((await cm.patch(api(`/topics/${topic.id}`), { name: 'No' })).status).toBe(403);
    expect((await cm.post(api(`/mentions/${mention.id}/to-inbox`))).status).toBe(200);

    const other = await newWorkspace(owner);
    const there = (p: string) => api(p, other);
    const answers = [
      await owner.patch(there(`/topics/${topic.id}`), { name: 'Stolen' }),
      await owner.delete(there(`/topics/${topic.id}`)),
      await owner.patch(there(`/sources/${source.id}`), { status: 'paused' }),
      await owner.delete(there(`/sources/${source.id}`)),
      await owner.post(there(`/sources/${source.id}/poll`)),
      await owner.post(there(`/mentions/${mention.id}/to-inbox`)),
      await owner.post(there(`/mentions/${mention.id}/to-ticket`), { departmentId: 'support' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await owner.get(there('/mentions'))).body.items).toEqual([]);
    expect((await owner.get(there(`/mentions?topicId=${topic.id}`))).body.items).toEqual([]);
    expect((await owner.get(api('/topics'))).body.items.find((t: { id: string }) => t.id === topic.id)).toMatchObject({ name: 'Guarded' });
  });

  it('announces mentions on the live stream once they are stored', async () => {
    const w = await newWorkspace(owner);
    const topic = await addTopic(owner, w, { name: 'Live', query: 'acme' });
    const stream = await openEventStream(`${ruche.url}${api('/stream', w)}`, owner);
    try {
      await stream.next('hello');
      await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [blueskyPost('acme in another workspace')]);
      await ingestPosts(ruche.ctx, { workspaceId: w, sourceId: null }, [blueskyPost('acme arriving live')]);
      expect(await stream.next('mentions')).toEqual({ topicIds: [topic.id] });
    } finally {
      stream.close();
    }
  });
});
