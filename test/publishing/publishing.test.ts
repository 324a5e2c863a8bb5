import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, history, inSeconds, waitForStatus } from '../helpers/publishing.js';

describe.each(databases)('scheduled publishing on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let ownerId: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    ({ client: owner, workspaceId: ws, userId: ownerId } = await setupOwner(ruche.url));
    alice = await connectLocalAccount(ruche, ws, ownerId, 'alice');
    bob = await connectLocalAccount(ruche, ws, ownerId, 'bob');
  });
  afterAll(() => ruche?.stop());

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;

  it('publishes a post once per account at its time, with each network variant', async () => {
    const created = await owner.post(posts(), {
      body: 'Notre nouvelle collection arrive #printemps',
      accountIds: [alice, bob],
      variants: { [bob]: 'Short version for Bob' },
      scheduledAt: inSeconds(2),
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const submitted = await owner.post(posts(`/${created.body.id}/submit`));
    expect(submitted.body.status).toBe('scheduled');
    // Nothing goes out before its time.
    expect(network.published().filter((p) => p.key.startsWith(created.body.targets[0].id))).toHaveLength(0);
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed']);
    expect(done.status).toBe('published');
    const texts = done.targets.map((t: { handle: string }) => [t.handle, network.published(t.handle).find((p) => p.key === done.targets.find((x: any) => x.handle === t.handle).id)?.text]);
    expect(texts.sort()).toEqual([['alice', 'Notre nouvelle collection arrive #printemps'], ['bob', 'Short version for Bob']]);
    expect(done.targets.every((t: { url: string }) => t.url.startsWith('https://local.test/'))).toBe(true);
    expect(await history(owner, ws, created.body.id)).toEqual(expect.arrayContaining(['created', 'submitted', 'publishing', 'published']));
  });

  it('publishes a thread as replies to the first post', async () => {
    const created = await owner.post(posts(), { body: '1/3 Un fil', thread: ['2/3 suite', '3/3 fin'], accountIds: [alice], scheduledAt: inSeconds(2) });
    await owner.post(posts(`/${created.body.id}/submit`));
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed']);
    const t = done.targets[0].id;
    expect(network.posts.get(`${t}-1`)?.replyTo).toBe(t);
    expect(network.posts.get(`${t}-2`)?.replyTo).toBe(`${t}-1`);
  });

  it('keeps on the post what the network did not do beside it, in its words', async () => {
    network.warnNext('First comment not posted: (#200) Permissions error');
    const created = await owner.post(posts(), { body: 'Avec un premier commentaire', accountIds: [alice], scheduledAt: inSeconds(2) });
    await owner.post(posts(`/${created.body.id}/submit`));
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed']);
    expect(done.status).toBe('published');
    const items = (await owner.get(posts(`/${created.body.id}/history`))).body.items as Array<{ kind: string; body: string; data: Record<string, unknown> }>;
    expect(items.find((e) => e.kind === 'network_warning')).toMatchObject({ body: 'First comment not posted: (#200) Permissions error', data: { network: 'bluesky', handle: 'alice' } });
  });

  it('retries transient errors and rate limits, and still publishes once', async () => {
    network.failNext('transient', 'bad gateway', 'alice');
    network.failNext('rate_limited', 'slow down', 'alice');
    const created = await owner.post(posts(), { body: 'Patience', accountIds: [alice], scheduledAt: inSeconds(2) });
    await owner.post(posts(`/${created.body.id}/submit`));
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed']);
    expect(done.status).toBe('published');
    const attempts = network.calls.filter((c) => c.endsWith(done.targets[0].id));
    expect(attempts).toHaveLength(3);
    expect(network.published('alice').filter((p) => p.key === done.targets[0].id)).toHaveLength(1);
  });

  it('shows the network’s own message when it refuses a post, and retries on demand', async () => {
    network.failNext('rejected', 'Record/text must not be longer than 300 graphemes', 'bob');
    const created = await owner.post(posts(), { body: 'Refused once', accountIds: [bob], scheduledAt: inSeconds(2) });
    await owner.post(posts(`/${created.body.id}/submit`));
    const failed = await waitForStatus(owner, ws, created.body.id, ['failed', 'published']);
    expect(failed.status).toBe('failed');
    expect(failed.targets[0].error).toEqual({ kind: 'rejected', message: 'Record/text must not be longer than 300 graphemes' });
    expect((await owner.post(posts(`/${created.body.id}/retry`))).status).toBe(200);
    expect((await waitForStatus(owner, ws, created.body.id, ['published', 'failed'])).status).toBe('published');
  });

  it('stops an expired account’s posts and asks for a reconnect, visibly', async () => {
    const carol = await connectLocalAccount(ruche, ws, ownerId, 'carol');
    network.failNext('auth_expired', 'Token has been revoked', 'carol');
    const first = await owner.post(posts(), { body: 'One', accountIds: [carol], scheduledAt: inSeconds(2) });
    await owner.post(posts(`/${first.body.id}/submit`));
    expect((await waitForStatus(owner, ws, first.body.id, ['failed', 'published'])).targets[0].error.kind).toBe('auth_expired');
    const accounts = (await owner.get(`/api/v1/workspaces/${ws}/accounts`)).body.items;
    expect(accounts.find((a: { id: string }) => a.id === carol)).toMatchObject({ status: 'reconnect', statusMessage: 'Token has been revoked', failedPosts: 1 });
    const callsBefore = network.calls.length;
    const second = await owner.post(posts(), { body: 'Two', accountIds: [carol], scheduledAt: inSeconds(2) });
    await owner.post(posts(`/${second.body.id}/submit`));
    const held = await waitForStatus(owner, ws, second.body.id, ['failed', 'published']);
    expect(held.targets[0].error.kind).toBe('auth_expired');
    expect(network.calls.length).toBe(callsBefore);
    // Reconnecting frees the account; a retry then goes out.
    await connectLocalAccount(ruche, ws, ownerId, 'carol');
    await owner.post(posts(`/${second.body.id}/retry`));
    expect((await waitForStatus(owner, ws, second.body.id, ['published', 'failed'])).status).toBe('published');
  });

  it('lists the calendar by time range and filters', async () => {
    const camp = await owner.post(`/api/v1/workspaces/${ws}/campaigns`, { name: 'Soldes', color: '#e4572e', hashtags: ['soldes'] });
    expect(camp.body.hashtags).toEqual(['#soldes']);
    const at = '2031-03-10T09:00:00.000Z';
    const p = await owner.post(posts(), { body: 'Planned', accountIds: [bob], scheduledAt: at, campaignId: camp.body.id, labels: ['promo'] });
    await owner.post(posts(), { body: 'Idea without a date', accountIds: [alice] });
    const march = await owner.get(posts(`?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z`));
    expect(march.body.items.map((x: { id: string }) => x.id)).toEqual([p.body.id]);
    expect((await owner.get(posts(`?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z&accountId=${alice}`))).body.items).toEqual([]);
    expect((await owner.get(posts(`?campaignId=${camp.body.id}`))).body.items).toHaveLength(1);
    expect((await owner.get(posts(`?label=promo`))).body.items).toHaveLength(1);
    const odd = await owner.post(posts(), { body: 'Odd label', accountIds: [bob], scheduledAt: at, labels: ['soldes_50%'] });
    expect((await owner.get(posts(`?label=${encodeURIComponent('soldes_50%')}`))).body.items.map((x: { id: string }) => x.id)).toEqual([odd.body.id]);
    expect((await owner.get(posts(`?label=soldes`))).body.items).toHaveLength(0);
    expect((await owner.get(posts(`?label=${encodeURIComponent('soldesX50%')}`))).body.items).toHaveLength(0);
    expect((await owner.get(posts(`?network=mastodon`))).body.items).toHaveLength(0);
    const withIdeas = await owner.get(posts(`?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z&unscheduled=true`));
    expect(withIdeas.body.items.map((x: { body: string }) => x.body)).toEqual(expect.arrayContaining(['Planned', 'Idea without a date']));
    // The calendar's next post after a period: the first one from its end.
    const later = await owner.post(posts(), { body: 'Later', accountIds: [bob], scheduledAt: '2031-06-02T08:00:00.000Z' });
    await owner.post(posts(), { body: 'Even later', accountIds: [bob], scheduledAt: '2031-07-01T08:00:00.000Z' });
    const next = await owner.get(posts(`?from=2031-04-01T00:00:00Z&limit=1`));
    expect(next.body.items.map((x: { id: string }) => x.id)).toEqual([later.body.id]);
    expect((await owner.get(posts(`?limit=0`))).status).toBe(400);
    // Drag and drop to another day keeps the content.
    const moved = await owner.post(posts(`/${p.body.id}/reschedule`), { at: '2031-03-12T15:30:00Z' });
    expect(moved.body).toMatchObject({ scheduledAt: '2031-03-12T15:30:00.000Z', body: 'Planned', version: p.body.version });
    // A draft goes no more into the past than a scheduled post does.
    const back = await owner.post(posts(`/${p.body.id}/reschedule`), { at: '2020-03-12T15:30:00Z' });
    expect(back.status).toBe(400);
    expect(back.body.error.code).toBe('in_the_past');
    expect((await owner.get(posts(`/${p.body.id}`))).body.scheduledAt).toBe('2031-03-12T15:30:00.000Z');
  });

  it('refuses accounts, media and campaigns of another workspace', async () => {
    const other = await owner.post('/api/v1/workspaces', { name: 'Other brand' });
    const res = await owner.post(`/api/v1/workspaces/${other.body.id}/posts`, { body: 'x', accountIds: [alice] });
    expect(res.status).toBe(404);
  });

  it('lets a content creator write but not schedule', async () => {
    const { client: creator } = await addMember(owner, ws, `creator-${kind}@example.com`, 'content_creator');
    const draft = await creator.post(posts(), { body: 'By the creator', accountIds: [alice], scheduledAt: inSeconds(60) });
    expect(draft.status).toBe(201);
    const submitted = await creator.post(posts(`/${draft.body.id}/submit`));
    expect(submitted.body.status).toBe('approved');
    expect((await creator.post(posts(`/${draft.body.id}/schedule`), { at: 'now' })).status).toBe(403);
  });
});
