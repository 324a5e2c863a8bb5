import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, inSeconds } from '../helpers/publishing.js';

/**
 * A client sees what the workspace lets clients see: posts sent for approval and after, with the comments marked
 * visible to them; drafts in progress and the team's internal comments only when the workspace says so; none
 * of the team's settings.
 */
describe.each(databases)('what a client sees on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;
  let creator: TestClient;
  let client: TestClient;
  let draft: string;
  let inReview: string;

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  const range = `?from=${encodeURIComponent(inSeconds(-86400))}&to=${encodeURIComponent(inSeconds(30 * 86400))}&unscheduled=true`;
  const listed = async (who: TestClient) => (await who.get(posts(range))).body.items.map((p: { id: string }) => p.id);
  const comments = async (who: TestClient, id: string) =>
    (await who.get(posts(`/${id}/history`))).body.items
      .filter((e: { kind: string }) => e.kind === 'comment')
      .map((e: { body: string; internal: boolean }) => ({ body: e.body, internal: e.internal }));
  const mentions = async (who: TestClient) =>
    (await who.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'comment.mention').map((n: { params: { comment: string } }) => n.params.comment);

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
    creator = (await addMember(owner, ws, 'creator@example.com', 'content_creator')).client;
    client = (await addMember(owner, ws, 'kim@example.com', 'client')).client;
    expect((await owner.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps: [{ roles: ['client'], count: 1 }] })).status).toBe(200);

    draft = (await creator.post(posts(), { body: 'Still a draft', accountIds: [account], scheduledAt: inSeconds(7200) })).body.id;
    inReview = (await creator.post(posts(), { body: 'Ready for the client', accountIds: [account], scheduledAt: inSeconds(7200) })).body.id;
    expect((await creator.post(posts(`/${inReview}/submit`))).body.status).toBe('in_review');
    for (const id of [draft, inReview]) {
      expect((await owner.post(posts(`/${id}/comments`), { body: 'Between us: @kim pays late' })).status).toBe(204);
      expect((await owner.post(posts(`/${id}/comments`), { body: 'For you @kim: is the photo right?', visibleToClient: true })).status).toBe(204);
    }
  });
  afterAll(() => ruche?.stop());

  it('keeps drafts and internal comments from a client by default', async () => {
    expect(await listed(owner)).toEqual(expect.arrayContaining([draft, inReview]));
    const seen = await listed(client);
    expect(seen).toContain(inReview);
    expect(seen).not.toContain(draft);

    // The draft does not exist for the client, whatever the way in.
    expect((await client.get(posts(`/${draft}`))).status).toBe(404);
    expect((await client.get(posts(`/${draft}/history`))).status).toBe(404);
    expect((await client.post(posts(`/${draft}/comments`), { body: 'Hello?' })).status).toBe(404);
    expect((await client.post(posts(`/${draft}/decision`), { decision: 'approved' })).status).toBe(404);
    const bulk = await client.post(posts('/approvals'), { ids: [draft], decision: 'approved' });
    expect(bulk.body.items).toEqual([{ id: draft, ok: false, error: expect.objectContaining({ code: 'not_found' }) }]);

    // The team's comments stay internal unless marked visible; the team sees which are which.
    expect(await comments(owner, inReview)).toEqual([
      { body: 'Between us: @kim pays late', internal: true },
      { body: 'For you @kim: is the photo right?', internal: false },
    ]);
    expect(await comments(client, inReview)).toEqual([{ body: 'For you @kim: is the photo right?', internal: false }]);
    // Told of the visible mention on the post in review only: not of the internal one, nor of anything on the draft.
    expect(await mentions(client)).toEqual(['For you @kim: is the photo right?']);

    // A client's own comment is always visible to clients.
    expect((await client.post(posts(`/${inReview}/comments`), { body: 'Photo OK', visibleToClient: false })).status).toBe(204);
    expect(await comments(client, inReview)).toContainEqual({ body: 'Photo OK', internal: false });

    const overview = (await client.get(`/api/v1/workspaces/${ws}/overview`)).body;
    expect(overview.counts.posts).toBe(1);
    expect(overview.agenda.map((p: { id: string }) => p.id)).not.toContain(draft);
    expect(overview.toApprove.items.map((p: { id: string }) => p.id)).toEqual([inReview]);
  });

  it('still lets the client see and approve a post in review', async () => {
    const post = await client.get(posts(`/${inReview}`));
    expect(post.status).toBe(200);
    expect(post.body.approval.canDecide).toBe(true);
    const decided = await client.post(posts(`/${inReview}/decision`), { decision: 'approved', comment: 'Go' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('scheduled');
  });

  it('shows drafts and internal comments once the workspace lets clients see them', async () => {
    expect((await client.patch(`/api/v1/workspaces/${ws}`, { clientsSeeDrafts: true })).status).toBe(403);
    const opened = await owner.patch(`/api/v1/workspaces/${ws}`, { clientsSeeDrafts: true, clientsSeeInternalComments: true });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ clientsSeeDrafts: true, clientsSeeInternalComments: true });
    expect((await client.get(`/api/v1/workspaces/${ws}`)).body).toMatchObject({ clientsSeeDrafts: true, clientsSeeInternalComments: true });

    expect(await listed(client)).toContain(draft);
    expect((await client.get(posts(`/${draft}`))).status).toBe(200);
    expect(await comments(client, draft)).toEqual([
      { body: 'Between us: @kim pays late', internal: true },
      { body: 'For you @kim: is the photo right?', internal: false },
    ]);
    // Mentions from now on reach the client, internal comment or not.
    await owner.post(posts(`/${draft}/comments`), { body: '@kim one more thing, internally' });
    expect(await mentions(client)).toContain('@kim one more thing, internally');

    const audit = (await owner.get(`/api/v1/workspaces/${ws}/audit?limit=100`)).body.items.map((e: { action: string; data: unknown }) => [e.action, e.data]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['workspace.clients_see_drafts_changed', { enabled: true }],
        ['workspace.clients_see_internal_comments_changed', { enabled: true }],
      ]),
    );

    // Closed again: hidden again.
    await owner.patch(`/api/v1/workspaces/${ws}`, { clientsSeeDrafts: false, clientsSeeInternalComments: false });
    expect((await client.get(posts(`/${draft}`))).status).toBe(404);
  });

  it('closes every team settings route to a client', async () => {
    const w = `/api/v1/workspaces/${ws}`;
    const closed: Array<[string, string, unknown?]> = [
      ['GET', `${w}/members`],
      ['GET', `${w}/invitations`],
      ['POST', `${w}/invitations`, { email: 'x@example.com', role: 'client' }],
      ['GET', `${w}/audit`],
      ['GET', `${w}/jobs`],
      ['PATCH', w, { name: 'Mine now' }],
      ['PATCH', `${w}/publishing`, { approvalSteps: [] }],
      ['POST', `${w}/publishing/pause`],
      ['POST', `${w}/accounts/mastodon`, { instance: 'mastodon.example' }],
      ['POST', `${w}/accounts/bluesky`, { handle: 'someone.example', appPassword: 'abcd-efgh-ijkl-mnop' }],
      ['PATCH', `${w}/accounts/${account}`, { timezone: 'Europe/Paris' }],
      ['DELETE', `${w}/accounts/${account}`],
      ['POST', `${w}/campaigns`, { name: 'Mine', color: '#aa3300' }],
    ];
    for (const [method, path, body] of closed) {
      const res = await client.request(method, path, body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // Another workspace does not exist for them at all.
    const other = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id;
    expect((await client.get(`/api/v1/workspaces/${other}/members`)).status).toBe(404);
    // What the team wrote stays: the role still gets the workspace itself and its posts.
    expect((await client.get(w)).status).toBe(200);
  });
});
