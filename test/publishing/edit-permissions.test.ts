import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, inSeconds } from '../helpers/publishing.js';

/**
 * Once a post is approved or on the calendar, what goes out and when is for members who may publish:
 * a content creator can no longer rewrite, move or remove it, whether or not the workspace has approval steps.
 */
describe.each(databases)('who may change a planned post, on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ownerId: string;
  let firstWorkspace: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    ({ client: owner, workspaceId: firstWorkspace, userId: ownerId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  /** A workspace of its own with one account, a content creator, a community manager and a strategist who approves. */
  async function team(name: string, approvalSteps: Array<{ roles: string[]; count: number }>) {
    const ws = name === 'first' ? firstWorkspace : (await owner.post('/api/v1/workspaces', { name })).body.id as string;
    const account = await connectLocalAccount(ruche, ws, ownerId, `brand-${name}`);
    const creator = (await addMember(owner, ws, `creator-${name}@example.com`, 'content_creator')).client;
    const manager = (await addMember(owner, ws, `cm-${name}@example.com`, 'community_manager')).client;
    const approver = (await addMember(owner, ws, `strategist-${name}@example.com`, 'strategist')).client;
    expect((await owner.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps })).status).toBe(200);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer();
    const media = async () =>
      (await creator.request('POST', `/api/v1/workspaces/${ws}/media?alt=Logo`, new Uint8Array(png), { 'content-type': 'image/png' })).body.id as string;
    const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
    return { ws, account, creator, manager, approver, media, posts };
  }

  type Team = Awaited<ReturnType<typeof team>>;

  /** The creator writes and submits; the strategist approves when there are steps; the manager schedules or unschedules. */
  async function plannedPost(t: Team, status: 'approved' | 'scheduled', withSteps: boolean) {
    const mediaId = await t.media();
    const draft = await t.creator.post(t.posts(), { body: 'Signed off', accountIds: [t.account], mediaIds: [mediaId], scheduledAt: inSeconds(3600) });
    const id = draft.body.id as string;
    const submitted = await t.creator.post(t.posts(`/${id}/submit`));
    if (withSteps) {
      expect(submitted.body.status).toBe('in_review');
      await t.approver.post(t.posts(`/${id}/decision`), { decision: 'approved' });
      if (status === 'approved') await t.manager.post(t.posts(`/${id}/unschedule`));
    } else {
      expect(submitted.body.status).toBe('approved');
      if (status === 'scheduled') await t.manager.post(t.posts(`/${id}/schedule`), { at: inSeconds(3600) });
    }
    const post = (await t.manager.get(t.posts(`/${id}`))).body;
    expect(post.status).toBe(status);
    return { id, mediaId, post };
  }

  async function expectCreatorRefused(t: Team, planned: Awaited<ReturnType<typeof plannedPost>>) {
    const { id, mediaId, post: before } = planned;
    const refused = (res: { status: number; body: any }) => {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/only members who may publish/i);
    };
    const other = await t.media();
    refused(await t.creator.patch(t.posts(`/${id}`), { body: 'Rewritten by the creator' }));
    refused(await t.creator.patch(t.posts(`/${id}`), { variants: { [t.account]: 'A variant by the creator' } }));
    refused(await t.creator.patch(t.posts(`/${id}`), { mediaIds: [other] }));
    refused(await t.creator.patch(t.posts(`/${id}`), { scheduledAt: inSeconds(7200) }));
    refused(await t.creator.post(t.posts(`/${id}/reschedule`), { at: inSeconds(7200) }));
    refused(await t.creator.delete(t.posts(`/${id}`)));
    refused(await t.creator.patch(`/api/v1/workspaces/${t.ws}/media/${mediaId}`, { alt: 'Changed by the creator' }));
    const after = (await t.manager.get(t.posts(`/${id}`))).body;
    expect(after).toMatchObject({ status: before.status, body: 'Signed off', version: before.version, scheduledAt: before.scheduledAt });
    expect(after.targets[0].body).toBeNull();
    expect(after.media).toEqual([expect.objectContaining({ id: mediaId, alt: 'Logo' })]);
  }

  describe('without approval steps', () => {
    let t: Team;
    beforeAll(async () => {
      t = await team('first', []);
    });

    it('refuses a content creator every change to a scheduled post', async () => {
      await expectCreatorRefused(t, await plannedPost(t, 'scheduled', false));
    });

    it('refuses a content creator every change to an approved post', async () => {
      await expectCreatorRefused(t, await plannedPost(t, 'approved', false));
    });

    it('lets a community manager edit, move and delete a scheduled post, which stays scheduled', async () => {
      const { id, post } = await plannedPost(t, 'scheduled', false);
      const edited = await t.manager.patch(t.posts(`/${id}`), { body: 'Rewritten by the manager', expectedVersion: post.version });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ status: 'scheduled', body: 'Rewritten by the manager' });
      expect((await t.manager.post(t.posts(`/${id}/reschedule`), { at: inSeconds(7200) })).status).toBe(200);
      expect((await t.manager.delete(t.posts(`/${id}`))).status).toBe(204);
    });

    it('still lets a content creator edit and delete a draft', async () => {
      const draft = await t.creator.post(t.posts(), { body: 'Draft', accountIds: [t.account], scheduledAt: inSeconds(3600) });
      expect((await t.creator.patch(t.posts(`/${draft.body.id}`), { body: 'Draft v2' })).body.body).toBe('Draft v2');
      expect((await t.creator.post(t.posts(`/${draft.body.id}/reschedule`), { at: inSeconds(7200) })).status).toBe(200);
      expect((await t.creator.delete(t.posts(`/${draft.body.id}`))).status).toBe(204);
    });
  });

  describe('with approval steps', () => {
    let t: Team;
    beforeAll(async () => {
      t = await team('reviewed', [{ roles: ['strategist'], count: 1 }]);
    });

    it('refuses a content creator every change to a scheduled post', async () => {
      await expectCreatorRefused(t, await plannedPost(t, 'scheduled', true));
    });

    it('refuses a content creator every change to an approved post', async () => {
      await expectCreatorRefused(t, await plannedPost(t, 'approved', true));
    });

    it('lets a community manager edit a scheduled post, which goes back to review', async () => {
      const { id, post } = await plannedPost(t, 'scheduled', true);
      const edited = await t.manager.patch(t.posts(`/${id}`), { body: 'Rewritten by the manager', expectedVersion: post.version });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ status: 'in_review', body: 'Rewritten by the manager' });
    });

    it('still lets a content creator edit a post in review, which restarts its approval', async () => {
      const draft = await t.creator.post(t.posts(), { body: 'In review', accountIds: [t.account], scheduledAt: inSeconds(3600) });
      await t.creator.post(t.posts(`/${draft.body.id}/submit`));
      const edited = await t.creator.patch(t.posts(`/${draft.body.id}`), { body: 'In review v2' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ status: 'in_review', body: 'In review v2' });
    });
  });
});
