/**
 * The inbox for Facebook Pages and Instagram, against the Graph API fake on each database: each comment shows the
 * brand's post it is under (from the poll's listing, or one multiple-ID read for a webhook), a Page comment's
 * edit and removal reach the stored item through the signed `feed` webhook, and the light answers the networks'
 * APIs lack (like, repost) are refused with a reason, never queued.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { saveNetworkApp } from '../../src/modules/accounts/oauth2/apps.js';
import { workspaceAnalyzer } from '../../src/modules/moderation/workspace-analyzer.js';
import { MODERATION_ACT } from '../../src/modules/moderation/job-names.js';
import { backfilled, poll, waitFor } from '../inbound/helpers.js';
import { MetaFake } from '../connectors/meta-fake.js';
import { fbCommentAs, fbEditComment, fbRemoveComment, fbSetHidden } from '../connectors/meta-fake-pages.js';
import { addIgComment } from '../connectors/meta-fake-instagram.js';
import { feedCommentPayload, igCommentPayload } from '../connectors/meta-fake-webhooks.js';

interface ContextEntry { ref: { id: string }; authorHandle: string; text: string; url?: string | null; imageUrl?: string | null }
interface Detail {
  item: { id: string; text: string; sentiment: string; complaint: boolean; removedAt: number | null; editedAt: number | null; moderation: string | null; author: { removedCount: number } };
  context: ContextEntry[];
  moderation: Array<{ action: string; actorId: string | null; onNetwork: string | null; outcome: string }>;
}
interface Counts { total: number; byStatus: { open: number; waiting: number; done: number }; removed: number }

describe.each(databases)('Facebook and Instagram in the inbox (%s)', (kind) => {
  let ruche: TestRuche;
  let fake: MetaFake;
  let owner: TestClient;
  let ws: string;
  let page: ReturnType<MetaFake['createPage']>['page'];
  let ig: NonNullable<ReturnType<MetaFake['createPage']>['ig']>;
  let fbAccount: string;
  let igAccount: string;
  const visitor = { id: '770101', name: 'Abeille Curieuse' };

  const itemId = (externalId: string) => waitFor(`item ${externalId}`, async () =>
    (await ruche.ctx.store.db.selectFrom('inbox_items').select('id').where('workspace_id', '=', ws).where('external_id', '=', externalId).executeTakeFirst())?.id);
  const detail = async (id: string) => (await owner.get(`/api/v1/workspaces/${ws}/inbox/items/${id}`)).body as Detail;
  const fbPost = (message: string, photo = false) => {
    const id = `${page.id}_${fake.state.id()}`;
    fake.state.posts.set(id, { id, pageId: page.id, message, created: fake.state.tick(), link: null, photos: photo ? [{ id: fake.state.id(), alt: null }] : [], deleted: false, reactions: 0, shares: 0, views: 0 });
    return id;
  };
  const igMedia = (caption: string, type: 'IMAGE' | 'VIDEO' = 'IMAGE') => {
    const id = fake.state.id();
    fake.state.media.set(id, { id, igUserId: ig.id, caption, created: fake.state.tick(), type, items: [{ alt: null, url: `https://scontent.cdninstagram.fake/${id}.jpg` }], deleted: false, likes: 0, shares: 0, views: 0 });
    return id;
  };
  const jobsDone = () => waitFor('the webhook jobs', async () => {
    const open = await ruche.ctx.store.db.selectFrom('jobs').select('id').where('type', '=', 'webhooks.meta').where('status', 'not in', ['succeeded', 'failed']).execute();
    return open.length === 0;
  });
  const multiReads = () => fake.requests.filter((r) => r.method === 'GET' && r.path === '/v24.0/').length;

  beforeAll(async () => {
    fake = await new MetaFake().start();
    ruche = await startTestRuche(kind, { INBOX_POLL_SECONDS: '86400', ALLOW_PRIVATE_NETWORKS: 'true' });
    fake.webhookUrl = `${ruche.url}/api/v1/webhooks/meta`;
    let userId: string;
    ({ client: owner, workspaceId: ws, userId } = await setupOwner(ruche.url));
    await saveNetworkApp(ruche.ctx, 'facebook', { clientId: fake.app.id, clientSecret: fake.app.secret }, userId);
    ({ page, ig: ig! } = fake.createPage('Ruche Miel', { instagram: true }) as { page: typeof page; ig: typeof ig });
    fbAccount = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId, network: 'facebook', serviceUrl: 'https://graph.facebook.com', ip: null,
      credentials: { network: 'facebook', apiBase: fake.apiBase, pageId: page.id, accessToken: page.token, handle: page.username },
      account: { id: page.id, handle: page.username, displayName: page.name, followers: null },
    });
    igAccount = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId, network: 'instagram', serviceUrl: 'https://graph.facebook.com', ip: null,
      credentials: { network: 'instagram', apiBase: fake.apiBase, pageId: page.id, igUserId: ig.id, accessToken: page.token, handle: ig.username },
      account: { id: ig.id, handle: ig.username, displayName: ig.name, followers: null },
    });
    for (const id of [fbAccount, igAccount]) {
      await backfilled(ruche, id, 'notifications');
      await backfilled(ruche, id, 'messages');
    }
  }, 60_000);
  afterAll(async () => {
    await ruche?.stop();
    await fake?.close();
  });

  it('shows an Instagram comment from a webhook under the media it was written on, read in one call', async () => {
    const media = igMedia('Cadre de miel de printemps, récolté ce matin');
    const before = multiReads();
    const c = addIgComment(fake, { id: '880101', username: 'apiculteur.amateur' }, media, 'Quelle belle couleur 🍯');
    expect((await fake.deliver(igCommentPayload(fake, c))).status).toBe(200);
    const d = await detail(await itemId(c));
    expect(d.context).toEqual([expect.objectContaining({
      ref: { id: media }, authorHandle: ig.username, text: 'Cadre de miel de printemps, récolté ce matin',
      url: `https://www.instagram.com/p/${media}/`, imageUrl: `https://scontent.cdninstagram.fake/${media}.jpg`,
    })]);
    expect(multiReads() - before).toBe(1);
  });

  it('shows a video’s cover, not the video, for a comment read by polling', async () => {
    const media = igMedia('Visite du rucher en vidéo', 'VIDEO');
    const c = addIgComment(fake, { id: '880102', username: 'marie.miel' }, media, 'On peut venir samedi ?');
    const reads = multiReads();
    await poll(ruche, igAccount);
    const d = await detail(await itemId(c));
    expect(d.context).toEqual([expect.objectContaining({ ref: { id: media }, text: 'Visite du rucher en vidéo', url: `https://www.instagram.com/p/${media}/`, imageUrl: `https://scontent.cdninstagram.fake/${media}_cover.jpg` })]);
    // The listing brought the media with its fields: no read per comment or per post.
    expect(multiReads()).toBe(reads);
  });

  it('shows a Page comment under the Page’s post, by webhook and by polling', async () => {
    const post = fbPost('Le miel de printemps est là', true);
    const c = fbCommentAs(fake, visitor, post, 'Où peut-on en acheter ?');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const d = await detail(await itemId(c));
    expect(d.context).toEqual([expect.objectContaining({ ref: { id: post }, authorHandle: page.username, text: 'Le miel de printemps est là', url: `https://www.facebook.com/${post}` })]);
    expect(d.context[0]!.imageUrl).toMatch(/^https:\/\/scontent\.fake\//);
    const polled = fbCommentAs(fake, visitor, post, 'Et en magasin ?');
    await poll(ruche, fbAccount);
    expect((await detail(await itemId(polled))).context).toEqual([expect.objectContaining({ ref: { id: post }, text: 'Le miel de printemps est là' })]);
  });

  it('keeps a comment whose post cannot be read, without its context', async () => {
    const post = fbPost('Une publication retirée depuis');
    const c = fbCommentAs(fake, visitor, post, 'Trop tard ?');
    fake.state.posts.get(post)!.deleted = true;
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const d = await detail(await itemId(c));
    expect(d.item.text).toBe('Trop tard ?');
    expect(d.context).toEqual([]);
  });

  it('takes an edited Page comment’s new words and analyses them again, once however often it is delivered', async () => {
    const post = fbPost('Nouvelle récolte de miel de lavande');
    const c = fbCommentAs(fake, visitor, post, 'Merci, ce miel est délicieux, bravo à toute l’équipe !');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    const first = await detail(id);
    const edited = 'Toujours pas reçu ma commande, c’est une honte, très déçu. Remboursez-moi !';
    const expected = (await workspaceAnalyzer(ruche.ctx, ws)).analyze(edited);
    // The texts are chosen so that the analysis differs: an edit stored without it would be caught.
    expect(expected.sentiment.label).not.toBe(first.item.sentiment);
    fbEditComment(fake, c, edited);
    const payload = feedCommentPayload(fake, c, 'edited');
    expect((await fake.deliver(payload)).status).toBe(200);
    const after = await waitFor('the edit', async () => {
      const d = await detail(id);
      return d.item.text === edited ? d : null;
    });
    expect(after.item).toMatchObject({ sentiment: expected.sentiment.label, complaint: expected.complaint.flagged });
    expect(after.item.editedAt).toEqual(expect.any(Number));
    expect((await fake.deliver(payload)).status).toBe(200);
    await jobsDone();
    const rows = await ruche.ctx.store.db.selectFrom('inbox_items').select(['id']).where('workspace_id', '=', ws).where('external_id', '=', c).execute();
    expect(rows).toHaveLength(1);
  });

  it('stores an edit of a comment it never saw as a new item', async () => {
    const post = fbPost('Portes ouvertes dimanche');
    const c = fbCommentAs(fake, visitor, post, 'À quelle heure ?');
    fbEditComment(fake, c, 'À quelle heure ouvrez-vous ?');
    expect((await fake.deliver(feedCommentPayload(fake, c, 'edited'))).status).toBe(200);
    const d = await detail(await itemId(c));
    expect(d.item.text).toBe('À quelle heure ouvrez-vous ?');
  });

  it('marks a Page comment its author removed, keeps it readable, and refuses a forged removal', async () => {
    const post = fbPost('Atelier bougies en cire d’abeille');
    const c = fbCommentAs(fake, visitor, post, 'Je m’inscris !');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    fbRemoveComment(fake, c);
    const payload = feedCommentPayload(fake, c, 'remove');
    expect((await fake.deliver(payload, { secret: 'not-the-app-secret' })).status).toBe(403);
    expect((await fake.deliver(payload, { secret: null })).status).toBe(401);
    await jobsDone();
    expect((await detail(id)).item.removedAt).toBeNull();
    expect((await fake.deliver(payload)).status).toBe(200);
    const gone = await waitFor('the removal', async () => {
      const d = await detail(id);
      return d.item.removedAt !== null ? d : null;
    });
    expect(gone.item.text).toBe('Je m’inscris !');
    const at = gone.item.removedAt;
    // Delivered again (Meta's retry): nothing changes.
    expect((await fake.deliver(payload)).status).toBe(200);
    await jobsDone();
    expect((await detail(id)).item.removedAt).toBe(at);
  });

  it('takes an item its author removed out of the items to answer and their counts, and keeps it under All', async () => {
    const post = fbPost('Marché de Noël au rucher');
    const c = fbCommentAs(fake, visitor, post, 'Vous serez là samedi ?');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    const base = `/api/v1/workspaces/${ws}/inbox`;
    const q = `accountId=${fbAccount}&q=${encodeURIComponent('samedi')}`;
    const counts = async (status = '') => (await owner.get(`${base}/counts?${q}${status ? `&status=${status}` : ''}`)).body as Counts;
    const listed = async (status: string) => ((await owner.get(`${base}/items?${q}${status ? `&status=${status}` : ''}`)).body as { items: Array<{ id: string; removedAt: number | null }> }).items;
    expect((await counts()).byStatus.open).toBe(1);
    expect((await listed('open')).map((i) => i.id)).toEqual([id]);
    fbRemoveComment(fake, c);
    expect((await fake.deliver(feedCommentPayload(fake, c, 'remove'))).status).toBe(200);
    await waitFor('the removal', async () => ((await detail(id)).item.removedAt !== null ? true : null));
    const after = await counts();
    expect(after).toMatchObject({ total: 1, byStatus: { open: 0, waiting: 0, done: 0 }, removed: 1 });
    expect(await listed('open')).toEqual([]);
    expect((await counts('open')).total).toBe(0);
    expect(await listed('')).toEqual([expect.objectContaining({ id, removedAt: expect.any(Number) })]);
    // Once the team closes it, it is found under Done as any closed item.
    expect((await owner.patch(`${base}/items/${id}`, { status: 'done' })).status).toBe(200);
    expect((await counts()).byStatus.done).toBe(1);
    expect((await listed('done')).map((i) => i.id)).toEqual([id]);
  });

  it('records a comment hidden and shown again on Facebook itself as the network’s doing, without calling Facebook', async () => {
    const post = fbPost('Recette du pain d’épices');
    const c = fbCommentAs(fake, visitor, post, 'Achetez des abonnés pas chers ici');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    const before = (await detail(id)).item.author.removedCount;
    const writes = () => fake.requests.filter((r) => r.method === 'POST').length;
    const posted = writes();
    fbSetHidden(fake, c, true);
    const hide = feedCommentPayload(fake, c, 'hide');
    expect((await fake.deliver(hide, { secret: 'not-the-app-secret' })).status).toBe(403);
    await jobsDone();
    expect((await detail(id)).item.moderation).toBeNull();
    expect((await fake.deliver(hide)).status).toBe(200);
    const hidden = await waitFor('the hide', async () => {
      const d = await detail(id);
      return d.item.moderation === 'hidden' ? d : null;
    });
    expect(hidden.moderation).toEqual([expect.objectContaining({ action: 'hide', actorId: null, onNetwork: 'facebook', outcome: 'done' })]);
    expect(hidden.item.author.removedCount).toBe(before + 1);
    // Delivered again: nothing more.
    expect((await fake.deliver(hide)).status).toBe(200);
    await jobsDone();
    expect((await detail(id)).moderation).toHaveLength(1);
    const log = (await owner.get(`/api/v1/workspaces/${ws}/moderation/log`)).body as { items: Array<{ itemId: string; actor: unknown; onNetwork: string | null }> };
    expect(log.items.filter((e) => e.itemId === id)).toEqual([expect.objectContaining({ actor: null, onNetwork: 'facebook' })]);

    fbSetHidden(fake, c, false);
    expect((await fake.deliver(feedCommentPayload(fake, c, 'unhide'))).status).toBe(200);
    const shown = await waitFor('the unhide', async () => {
      const d = await detail(id);
      return d.item.moderation === null ? d : null;
    });
    expect(shown.moderation.map((e) => [e.action, e.onNetwork])).toEqual(expect.arrayContaining([['hide', 'facebook'], ['unhide', 'facebook']]));
    expect(shown.item.author.removedCount).toBe(before);
    expect(writes()).toBe(posted);
  });

  it('does not record twice a hide the team did from Ruche when Facebook echoes it', async () => {
    const post = fbPost('Les abeilles en hiver');
    const c = fbCommentAs(fake, visitor, post, 'Cliquez sur mon lien douteux');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    const res = await owner.post(`/api/v1/workspaces/${ws}/moderation/items/${id}/actions`, { action: 'hide', reason: 'spam' });
    expect(res.status).toBe(202);
    await waitFor('the team’s hide', async () => ((await detail(id)).item.moderation === 'hidden' ? true : null));
    expect(fake.state.comments.get(c)!.hidden).toBe(true);
    expect((await fake.deliver(feedCommentPayload(fake, c, 'hide'))).status).toBe(200);
    await jobsDone();
    const d = await detail(id);
    expect(d.moderation).toEqual([expect.objectContaining({ action: 'hide', actorId: expect.any(String), onNetwork: null })]);
  });

  it('does not take Facebook’s echo for the network’s doing while Ruche’s own hide of that comment is still to finish', async () => {
    const post = fbPost('Le rucher en automne');
    const c = fbCommentAs(fake, visitor, post, 'Encore un lien douteux');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    // Ruche's hide reached Facebook, whose echo comes before the job records it (here: the job waits to run again).
    const job = await ruche.ctx.jobs.queue.enqueue(MODERATION_ACT, {
      logId: crypto.randomUUID(), workspaceId: ws, itemId: id, action: 'hide', ruleId: null, actorId: null, reasons: ['spam'], note: '', undoes: null,
    }, { workspaceId: ws, runAt: Date.now() + 3_600_000, version: 1 });
    fbSetHidden(fake, c, true);
    expect((await fake.deliver(feedCommentPayload(fake, c, 'hide'))).status).toBe(200);
    await jobsDone();
    const hides = (d: Detail) => d.moderation.filter((e) => e.action === 'hide');
    expect(hides(await detail(id))).toEqual([]);
    expect((await detail(id)).item.moderation).not.toBe('hidden');
    await ruche.ctx.store.db.updateTable('jobs').set({ run_at: Date.now() }).where('id', '=', job.id).execute();
    const d = await waitFor('Ruche’s hide', async () => {
      const now = await detail(id);
      return now.item.moderation === 'hidden' ? now : null;
    });
    expect(hides(d)).toEqual([expect.objectContaining({ action: 'hide', onNetwork: null, outcome: 'done' })]);
  });

  it('does not take the echo of a comment the team deleted for its author’s removal', async () => {
    const post = fbPost('Concours photo du rucher');
    const c = fbCommentAs(fake, visitor, post, 'Lien douteux ici');
    expect((await fake.deliver(feedCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    await ruche.ctx.store.db.updateTable('inbox_items').set({ moderation: 'deleted' }).where('id', '=', id).execute();
    fbRemoveComment(fake, c);
    expect((await fake.deliver(feedCommentPayload(fake, c, 'remove'))).status).toBe(200);
    await jobsDone();
    expect((await detail(id)).item.removedAt).toBeNull();
  });

  it('refuses a like or a repost Instagram and Facebook do not allow, and thanks with words alone', async () => {
    const media = igMedia('Pot de miel toutes fleurs');
    const c = addIgComment(fake, { id: '880103', username: 'gourmand.e' }, media, 'Miam !');
    expect((await fake.deliver(igCommentPayload(fake, c))).status).toBe(200);
    const id = await itemId(c);
    const path = `/api/v1/workspaces/${ws}/inbox/items/${id}/replies`;
    for (const action of ['like', 'repost'] as const) {
      const res = await owner.post(path, { kind: action });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('not_supported');
      expect(res.body.error.message).toMatch(/^Instagram does not let apps/);
    }
    const bare = await owner.post(path, { kind: 'thank' });
    expect(bare.status).toBe(409);
    expect(bare.body.error.code).toBe('not_supported');
    const thanked = await owner.post(path, { kind: 'thank', body: 'Merci beaucoup !' });
    expect(thanked.status).toBe(202);
    expect(thanked.body).toMatchObject({ kind: 'reply', body: 'Merci beaucoup !', followUp: null });
    const queued = await ruche.ctx.store.db.selectFrom('inbox_replies').select('kind').where('item_id', '=', id).execute();
    expect(queued.map((r) => r.kind)).toEqual(['reply']);
    const fbItem = await itemId((await ruche.ctx.store.db.selectFrom('inbox_items').select('external_id').where('account_id', '=', fbAccount).executeTakeFirstOrThrow()).external_id);
    const fbLike = await owner.post(`/api/v1/workspaces/${ws}/inbox/items/${fbItem}/replies`, { kind: 'like' });
    expect(fbLike.status).toBe(409);
    expect(fbLike.body.error.message).toMatch(/^Facebook does not let apps/);
  });
});
