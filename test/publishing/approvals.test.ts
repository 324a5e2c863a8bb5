import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type TestRuche } from '../helpers/ruche.js';
import type { TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { startPublishingTeam } from '../helpers/publishing-team.js';
import { history, inSeconds, waitForStatus } from '../helpers/publishing.js';

describe.each(databases)('approvals on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;
  let creator: TestClient;
  let strategist: TestClient;
  let client: TestClient;

  beforeAll(async () => {
    ({ ruche, owner, ws, account, creator, strategist, client } = await startPublishingTeam(kind, network));
    // Two steps: the strategist, then the client.
    const set = await owner.patch(`/api/v1/workspaces/${ws}/publishing`, {
      approvalSteps: [{ roles: ['strategist'], count: 1 }, { roles: ['client'], count: 1 }],
    });
    expect(set.status).toBe(200);
  });
  afterAll(() => ruche?.stop());

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;

  it('goes out only after every step approves, in order', async () => {
    const draft = await creator.post(posts(), { body: 'Needs approval', accountIds: [account], scheduledAt: inSeconds(30) });
    const id = draft.body.id;
    expect((await creator.post(posts(`/${id}/submit`))).body.status).toBe('in_review');
    // The client's turn has not come; the creator cannot approve at all.
    expect((await client.post(posts(`/${id}/decision`), { decision: 'approved' })).status).toBe(403);
    expect((await creator.post(posts(`/${id}/decision`), { decision: 'approved' })).status).toBe(403);
    const first = await strategist.post(posts(`/${id}/decision`), { decision: 'approved', comment: 'Good' });
    expect(first.body).toMatchObject({ status: 'in_review', approval: { currentStep: 1, missing: 1 } });
    expect((await client.get(posts(`/${id}`))).body.approval.canDecide).toBe(true);
    const second = await client.post(posts(`/${id}/decision`), { decision: 'approved', comment: 'OK pour nous' });
    expect(second.body.status).toBe('scheduled');
    expect(await history(owner, ws, id)).toEqual(expect.arrayContaining(['submitted', 'approved', 'approval_complete']));
  });

  it('never publishes an unapproved post at its time, and tells its author', async () => {
    const draft = await creator.post(posts(), { body: 'Waiting', accountIds: [account], scheduledAt: inSeconds(0.5) });
    const id = draft.body.id;
    await creator.post(posts(`/${id}/submit`));
    await new Promise((r) => setTimeout(r, 400));
    for (let i = 0; i < 60 && !(await history(owner, ws, id)).includes('waiting_for_approval'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await history(owner, ws, id)).toContain('waiting_for_approval');
    expect((await owner.get(posts(`/${id}`))).body.status).toBe('in_review');
    expect(network.published().some((p) => p.text === 'Waiting')).toBe(false);
    // Approved late: the time has passed, so it waits for a new time instead of going out unannounced.
    await strategist.post(posts(`/${id}/decision`), { decision: 'approved' });
    const late = await client.post(posts(`/${id}/decision`), { decision: 'approved' });
    expect(late.body.status).toBe('approved');
    expect(await history(owner, ws, id)).toContain('time_passed');
    await owner.post(posts(`/${id}/schedule`), { at: 'now' });
    expect((await waitForStatus(owner, ws, id, ['published', 'failed'])).status).toBe('published');
  });

  it('sends a post back to draft on a request for changes, and an edit restarts approval', async () => {
    const draft = await creator.post(posts(), { body: 'v1', accountIds: [account], scheduledAt: inSeconds(60) });
    const id = draft.body.id;
    await creator.post(posts(`/${id}/submit`));
    const back = await strategist.post(posts(`/${id}/decision`), { decision: 'changes_requested', comment: 'Tone down' });
    expect(back.body.status).toBe('draft');
    const edited = await creator.patch(posts(`/${id}`), { body: 'v2', expectedVersion: back.body.version });
    expect(edited.status).toBe(200);
    expect((await creator.post(posts(`/${id}/submit`))).body).toMatchObject({ status: 'in_review', approval: { currentStep: 0, changesRequested: false } });
    await strategist.post(posts(`/${id}/decision`), { decision: 'approved' });
    await client.post(posts(`/${id}/decision`), { decision: 'approved' });
    // Editing the approved content needs approval again; a stale editor gets 409. Once scheduled, only
    // members who may publish edit it (test/publishing/edit-permissions.test.ts).
    const scheduled = (await owner.get(posts(`/${id}`))).body;
    expect(scheduled.status).toBe('scheduled');
    expect((await strategist.patch(posts(`/${id}`), { body: 'v3', expectedVersion: scheduled.version - 1 })).status).toBe(409);
    const v3 = await strategist.patch(posts(`/${id}`), { body: 'v3', expectedVersion: scheduled.version });
    expect(v3.body).toMatchObject({ status: 'in_review', approval: { currentStep: 0, missing: 1 } });
  });

  it('keeps comments in the post history', async () => {
    const draft = await creator.post(posts(), { body: 'Discuss', accountIds: [account] });
    // Sent for approval: a client sees posts from then on (drafts only when the workspace lets them).
    await creator.post(posts(`/${draft.body.id}/submit`));
    expect((await client.post(posts(`/${draft.body.id}/comments`), { body: 'Peut-on ajouter le lien ?' })).status).toBe(204);
    const items = (await owner.get(posts(`/${draft.body.id}/history`))).body.items;
    expect(items.find((e: { kind: string }) => e.kind === 'comment')).toMatchObject({ body: 'Peut-on ajouter le lien ?', actor: { name: 'client' } });
  });
});
