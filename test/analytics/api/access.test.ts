/**
 * Who reads which figures: roles, the inbox figures a client sees only when the workspace lets them, members of
 * other workspaces, IDs taken from another workspace, and the agency view across a member's workspaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../helpers/ruche.js';
import { addMember, TestClient } from '../../helpers/client.js';
import { author, day, item, post } from '../figures/fixture.js';
import { analyticsRuche, JANUARY_QUERY, seedJanuary, seededAccount, type AnalyticsRuche, type January } from './setup.js';

describe.each(databases)('who reads the analytics on %s', (kind) => {
  let t: AnalyticsRuche;
  let seed: January;
  let wsB: string;
  let postB: string;
  let client: TestClient;
  let outsider: TestClient;
  let objectiveA: string;
  const A = () => `/api/v1/workspaces/${t.ws}/analytics`;
  const B = () => `/api/v1/workspaces/${wsB}/analytics`;
  const objective = { name: 'Engagement in February', metric: 'engagement', comparison: 'at_least', target: 1000, periodStart: '2026-01-31T23:00:00Z', periodEnd: '2026-02-28T23:00:00Z' };

  beforeAll(async () => {
    t = await analyticsRuche(kind, '2026-02-01T10:00:00Z');
    const db = t.ruche.ctx.store.db;
    seed = await seedJanuary(db, t.ws);
    const created = await t.owner.post('/api/v1/workspaces', { name: 'Brand B', timezone: 'Europe/Paris' });
    expect(created.status).toBe(201);
    wsB = created.body.id;
    const accountB = await seededAccount(db, wsB, 'bluesky', 'b-only.test');
    postB = await post(db, wsB, { account: accountB, network: 'bluesky', at: '2026-01-06T12:00:00Z', likes: 100, reposts: 0, replies: 0, quotes: 0, followers: 1000, text: 'Brand B only' });
    await day(db, wsB, accountB, '2025-12-31', { followers: 1000 });
    await day(db, wsB, accountB, '2026-01-31', { followers: 1010 });
    await item(db, wsB, await author(db, wsB), { account: accountB, kind: 'reply', at: '2026-01-07T10:00:00Z', replyAfterMin: 5 });

    client = (await addMember(t.owner, t.ws, 'client@example.com', 'client')).client;
    // The same person is an analyst of Brand B: they read its inbox there.
    await addMember(t.owner, wsB, 'client@example.com', 'analyst');
    outsider = (await addMember(t.owner, wsB, 'outsider@example.com', 'strategist')).client;
    const o = await t.owner.post(`${A()}/objectives`, objective);
    expect(o.status).toBe(201);
    objectiveA = o.body.id;
  }, 60_000);
  afterAll(async () => t?.ruche.stop());

  it('lets a client read the dashboard without the inbox figures, until the workspace lets clients read the inbox', async () => {
    const blind = await client.get(`${A()}/dashboard?${JANUARY_QUERY}`);
    expect(blind.status).toBe(200);
    expect(blind.body.publishing.engagement.value).toBe(62);
    for (const f of Object.values(blind.body.inbox) as { value: unknown; previous: unknown }[]) {
      expect(f.value).toBeNull();
      expect(f.previous).toBeNull();
    }
    expect((await t.owner.patch(`/api/v1/workspaces/${t.ws}`, { clientsSeeInbox: true })).status).toBe(200);
    const seeing = await client.get(`${A()}/dashboard?${JANUARY_QUERY}`);
    expect(seeing.body.inbox.volume.value).toBe(6);
    expect(seeing.body.inbox.responseRate.value).toBeCloseTo(75, 9);
    expect((await t.owner.patch(`/api/v1/workspaces/${t.ws}`, { clientsSeeInbox: false })).status).toBe(200);
    expect((await client.get(`${A()}/dashboard?${JANUARY_QUERY}`)).body.inbox.volume.value).toBeNull();
  });

  it('lets a client read objectives and the posts behind a figure, never set or change an objective', async () => {
    expect((await client.get(`${A()}/objectives`)).body.items.map((o: { id: string }) => o.id)).toEqual([objectiveA]);
    expect((await client.get(`${A()}/posts?${JANUARY_QUERY}`)).body.items).toHaveLength(5);
    const create = await client.post(`${A()}/objectives`, objective);
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('forbidden');
    expect((await client.patch(`${A()}/objectives/${objectiveA}`, { target: 1 })).status).toBe(403);
    expect((await client.delete(`${A()}/objectives/${objectiveA}`)).status).toBe(403);
    expect((await t.owner.get(`${A()}/objectives`)).body.items[0].target).toBe(1000);
  });

  it('answers 404 to a member of another workspace, whatever the route', async () => {
    for (const path of [`${A()}/dashboard?${JANUARY_QUERY}`, `${A()}/posts?${JANUARY_QUERY}`, `${A()}/objectives`, `${A()}/posts/${seed.posts.p1}/snapshots`]) {
      const res = await outsider.get(path);
      expect(res.status, path).toBe(404);
    }
    expect((await outsider.post(`${A()}/objectives`, objective)).status).toBe(404);
    expect((await outsider.delete(`${A()}/objectives/${objectiveA}`)).status).toBe(404);
    expect((await outsider.get(`${B()}/dashboard?${JANUARY_QUERY}`)).status).toBe(200);
  });

  it('never shows a workspace’s posts or objectives in another, even when asked by their IDs', async () => {
    const b = (await t.owner.get(`${B()}/dashboard?${JANUARY_QUERY}`)).body;
    expect(b.publishing.posts.value).toBe(1);
    expect(b.publishing.engagement.value).toBe(100);
    expect(b.topPosts.map((p: { id: string }) => p.id)).toEqual([postB]);
    expect(b.inbox.volume.value).toBe(1);
    // Brand A's account and campaign as filters of Brand B's figures: nothing of A comes through.
    expect((await t.owner.get(`${B()}/dashboard?${JANUARY_QUERY}&accountId=${seed.a}`)).body.publishing.posts.value).toBe(0);
    expect((await t.owner.get(`${B()}/dashboard?${JANUARY_QUERY}&campaignId=${seed.c1}`)).body.publishing.posts.value).toBe(0);
    expect((await t.owner.get(`${B()}/posts?${JANUARY_QUERY}&accountId=${seed.a}`)).body.items).toEqual([]);
    expect((await t.owner.get(`${B()}/posts?${JANUARY_QUERY}`)).body.items.map((p: { id: string }) => p.id)).toEqual([postB]);

    const snap = await t.owner.get(`${B()}/posts/${seed.posts.p1}/snapshots`);
    expect(snap.status).toBe(404);
    expect((await t.owner.get(`${A()}/posts/${postB}/snapshots`)).status).toBe(404);
    expect((await t.owner.get(`${A()}/posts/${seed.posts.p1}/snapshots`)).status).toBe(200);

    expect((await t.owner.get(`${B()}/objectives`)).body.items).toEqual([]);
    expect((await t.owner.patch(`${B()}/objectives/${objectiveA}`, { target: 5 })).status).toBe(404);
    expect((await t.owner.delete(`${B()}/objectives/${objectiveA}`)).status).toBe(404);
    const stillA = (await t.owner.get(`${A()}/objectives`)).body.items;
    expect(stillA.map((o: { id: string; target: number }) => [o.id, o.target])).toEqual([[objectiveA, 1000]]);
    // An objective of B cannot name A's account.
    const foreign = await t.owner.post(`${B()}/objectives`, { ...objective, accountId: seed.a });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'invalid_objective', message: 'No such account in this workspace.' });
  });

  it('shows the agency view of each member’s own workspaces, inbox figures only where their role reads the inbox', async () => {
    type Row = { workspaceId: string; name: string; inboxVolume: number | null; responseRate: number | null };
    const rowsOf = async (c: TestClient) => {
      const res = await c.get(`/api/v1/analytics/agency?${JANUARY_QUERY}`);
      expect(res.status).toBe(200);
      return new Map<string, Row & Record<string, unknown>>(res.body.items.map((r: Row) => [r.workspaceId, r]));
    };
    const owner = await rowsOf(t.owner);
    expect([...owner.keys()].sort()).toEqual([t.ws, wsB].sort());
    expect(owner.get(t.ws)).toMatchObject({ name: 'Brand A', followers: 1280, followerGrowth: 180, posts: 5, engagement: 62, inboxVolume: 6, objectivesBehind: 1 });
    expect(owner.get(t.ws)!.engagementRateFollowers).toBeCloseTo(3.125, 9);
    expect(owner.get(t.ws)!.responseRate).toBeCloseTo(75, 9);
    expect(owner.get(wsB)).toMatchObject({ name: 'Brand B', followers: 1010, followerGrowth: 10, posts: 1, engagement: 100, inboxVolume: 1, responseRate: 100, objectivesBehind: 0 });

    const theirs = await rowsOf(client);
    expect(theirs.get(t.ws)).toMatchObject({ posts: 5, engagement: 62, inboxVolume: null, responseRate: null });
    expect(theirs.get(wsB)).toMatchObject({ posts: 1, inboxVolume: 1, responseRate: 100 });

    await t.owner.patch(`/api/v1/workspaces/${t.ws}`, { clientsSeeInbox: true });
    expect((await rowsOf(client)).get(t.ws)).toMatchObject({ inboxVolume: 6, responseRate: expect.closeTo(75, 9) });
    await t.owner.patch(`/api/v1/workspaces/${t.ws}`, { clientsSeeInbox: false });

    const outside = await rowsOf(outsider);
    expect([...outside.keys()]).toEqual([wsB]);

    const bad = await t.owner.get('/api/v1/analytics/agency?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(bad.status).toBe(400);
    expect((await new TestClient(t.ruche.url).get(`/api/v1/analytics/agency?${JANUARY_QUERY}`)).status).toBe(401);
  });
});
