import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { eventually } from '../notifications/helpers.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { workspaceAnalyzer } from '../../src/modules/moderation/workspace-analyzer.js';
import type { InboundItem } from '../../src/connectors/types.js';
import { ModerationNetwork } from './fake-network.js';

/**
 * The moderation engine on a whole Ruche: items arrive through the inbound pipeline, rules act through the
 * connector (an in-memory network declaring Bluesky's and Mastodon's moderation capabilities), and everything is
 * read back through the API.
 */
describe.each(databases)('moderation engine on %s', (kind) => {
  let ruche: TestRuche;
  let owner: { client: TestClient; workspaceId: string; userId: string };
  const net = new ModerationNetwork();

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: net.factory() });
    owner = await setupOwner(ruche.url);
  });
  afterAll(() => ruche?.stop());

  /** A workspace of its own with one connected account on `network`. */
  async function workspace(network: 'bluesky' | 'mastodon' = 'bluesky') {
    const tag = crypto.randomBytes(3).toString('hex');
    const ws = (await owner.client.post('/api/v1/workspaces', { name: `Mod ${tag}` })).body.id as string;
    const did = `did:plc:brand${tag}`;
    const accountId = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId: owner.userId, network, serviceUrl: 'https://local.test',
      credentials: { network }, account: { id: did, handle: `brand-${tag}.test`, displayName: 'Brand', followers: 10 }, ip: null,
    });
    const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;
    const ourPost = `at://${did}/app.bsky.feed.post/root${tag}`;
    let n = 0;
    /** Items arrive as a connector yields them, through the inbound pipeline, which runs the rules. */
    const arrive = async (text: string, opts: { author?: string; root?: string | null } = {}) => {
      const author = opts.author ?? `did:plc:troll${tag}`;
      const root = opts.root === undefined ? ourPost : opts.root;
      const id = network === 'bluesky' ? `at://${author}/app.bsky.feed.post/r${tag}${n++}` : `${Date.now()}${n++}`;
      const item: InboundItem = {
        kind: root ? 'reply' : 'mention', ref: { id, cid: 'bafy' }, text, createdAt: new Date().toISOString(), url: null,
        author: { id: author, handle: `${author.slice(-10)}.test`, displayName: 'Someone', avatarUrl: null, followers: 5, createdAt: null },
        parent: root ? { id: root, cid: 'bafyroot' } : null, root: root ? { id: root, cid: 'bafyroot' } : null,
        conversationId: null, quoted: null, languages: ['en'], context: [],
      };
      const result = await ingestItems(ruche.ctx, { id: accountId, workspace_id: ws, network }, [item]);
      expect(result.stored).toHaveLength(1);
      return { itemId: result.stored[0], externalId: id, author };
    };
    const rule = async (body: object) => {
      const res = await owner.client.post(api('/moderation/rules'), body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const clearRules = async () => {
      for (const r of (await owner.client.get(api('/moderation/rules'))).body.items) expect((await owner.client.delete(api(`/moderation/rules/${r.id}`))).status).toBe(204);
    };
    const logOf = async (itemId: string) => (await owner.client.get(api(`/moderation/log?itemId=${itemId}`))).body.items as any[];
    const entry = (itemId: string, action: string) =>
      eventually(async () => (await logOf(itemId)).find((e) => e.action === action), `a ${action} log entry for ${itemId}`);
    return { ws, api, arrive, rule, clearRules, logOf, entry, ourPost, accountId };
  }

  it('gives a new workspace the conservative default rules, once, and lets it edit them', async () => {
    const w = await workspace();
    const first = await owner.client.get(w.api('/moderation/rules'));
    expect(first.body.items.map((r: any) => [r.conditions.toxicity, r.actions.map((a: any) => a.type)])).toEqual([
      [{ category: 'hate', min: 0.9 }, ['hide']],
      [{ category: 'threat', min: 0.9 }, ['hide']],
      [{ category: 'any', min: 0.5 }, ['review']],
    ]);
    const [hate] = first.body.items;
    expect((await owner.client.patch(w.api(`/moderation/rules/${hate.id}`), { enabled: false })).body.enabled).toBe(false);
    await w.clearRules();
    expect((await owner.client.get(w.api('/moderation/rules'))).body.items).toEqual([]);
  });

  it('refuses a rule whose pattern could run for ever, saying why', async () => {
    const w = await workspace();
    const res = await owner.client.post(w.api('/moderation/rules'), { name: 'Bad', conditions: { pattern: '(a+)+$' }, actions: [{ type: 'hide' }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/Nested repetition/);
  });

  it('hides a reply under our post on the network, logs why, and undoes it', async () => {
    const w = await workspace();
    await w.clearRules();
    const ruleId = await w.rule({ name: 'Hide vermin', conditions: { keywords: ['vermin'] }, actions: [{ type: 'hide' }] });
    const { itemId, externalId } = await w.arrive('You people are VERMIN');
    const done = await w.entry(itemId, 'hide');
    expect(done).toMatchObject({ outcome: 'done', rule: { id: ruleId, name: 'Hide vermin' }, actor: null, undoable: true });
    expect(net.hidden.get(w.ourPost)?.has(externalId)).toBe(true);
    const item = (await owner.client.get(w.api(`/inbox/items/${itemId}`))).body.item;
    expect(item.moderation).toBe('hidden');
    expect(item.author.removedCount).toBe(1);

    const undo = await owner.client.post(w.api(`/moderation/log/${done.id}/undo`));
    expect(undo.status).toBe(202);
    const undone = await w.entry(itemId, 'unhide');
    expect(undone).toMatchObject({ outcome: 'done', undoes: done.id, actor: { id: owner.userId } });
    expect(net.hidden.get(w.ourPost)?.has(externalId)).toBe(false);
    const after = (await owner.client.get(w.api(`/inbox/items/${itemId}`))).body.item;
    expect(after.moderation).toBeNull();
    expect(after.author.removedCount).toBe(0);
    const again = await owner.client.post(w.api(`/moderation/log/${done.id}/undo`));
    expect(again.status).toBe(409);
    // Undoing a hide teaches the models that the text was acceptable.
    const labels = await ruche.ctx.store.db.selectFrom('moderation_labels').selectAll().where('item_id', '=', itemId).execute();
    expect(labels.map((l) => l.label)).toEqual(['no']);
  });

  it('sends to the review queue what the network does not allow, and keeps each decision as a label', async () => {
    const w = await workspace();
    await w.clearRules();
    await w.rule({ name: 'Hide spam', conditions: { keywords: ['casino'] }, actions: [{ type: 'hide' }, { type: 'label', label: 'spam' }] });
    // A mention under nobody's post of ours: Bluesky hides replies only under our own posts.
    const stray = await w.arrive('best casino bonus', { root: 'at://did:plc:someoneelse/app.bsky.feed.post/x' });
    const notPossible = await w.entry(stray.itemId, 'hide');
    expect(notPossible).toMatchObject({ outcome: 'not_possible', detail: 'not_our_post' });
    const second = await w.arrive('casino casino', { root: null });
    await w.entry(second.itemId, 'hide');

    const queue = (await owner.client.get(w.api('/moderation/reviews?status=pending'))).body;
    expect(queue.total).toBe(2);
    const mine = queue.items.find((r: any) => r.item.id === stray.itemId);
    expect(mine).toMatchObject({ action: 'hide', reason: 'not_possible', status: 'pending' });
    expect(mine.item.labels).toEqual(['spam']);
    expect(mine.item.moderation).toBe('review');
    const risks = queue.items.map((r: any) => r.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));

    const other = queue.items.find((r: any) => r.item.id === second.itemId);
    expect((await owner.client.post(w.api(`/moderation/reviews/${mine.id}`), { decision: 'confirm' })).body.status).toBe('confirmed');
    expect((await owner.client.post(w.api(`/moderation/reviews/${other.id}`), { decision: 'overturn' })).body.status).toBe('overturned');
    expect((await owner.client.post(w.api(`/moderation/reviews/${other.id}`), { decision: 'confirm' })).status).toBe(409);
    const labels = await ruche.ctx.store.db.selectFrom('moderation_labels').select(['item_id', 'label', 'category', 'text']).where('workspace_id', '=', w.ws).execute();
    expect(labels).toEqual(expect.arrayContaining([
      { item_id: stray.itemId, label: expect.not.stringMatching(/^no$/), category: expect.any(String), text: 'best casino bonus' },
      { item_id: second.itemId, label: 'no', category: expect.any(String), text: 'casino casino' },
    ]));
    expect((await owner.client.get(w.api('/moderation/reviews?status=pending'))).body.total).toBe(0);
  });

  it('blocks a repeat offender once moderation removed N of their items', async () => {
    const w = await workspace();
    await w.clearRules();
    await w.rule({ name: 'Block at 2', conditions: { authorRemovedAtLeast: 2 }, actions: [{ type: 'block' }], stop: true });
    await w.rule({ name: 'Hide idiots', conditions: { keywords: ['idiot'] }, actions: [{ type: 'hide' }] });
    const author = `did:plc:repeat${crypto.randomBytes(3).toString('hex')}`;
    for (const text of ['idiot one', 'idiot two']) {
      const { itemId } = await w.arrive(text, { author });
      await w.entry(itemId, 'hide');
    }
    expect(net.blocked.has(author)).toBe(false);
    const third = await w.arrive('hello again', { author });
    expect(await w.entry(third.itemId, 'block')).toMatchObject({ outcome: 'done' });
    expect(net.blocked.has(author)).toBe(true);
    const offenders = (await owner.client.get(w.api('/moderation/offenders'))).body.items;
    expect(offenders[0]).toMatchObject({ externalId: author, removedCount: 2, blocked: true });
  });

  it('blocks and reports on Mastodon, where hiding is not possible', async () => {
    const w = await workspace('mastodon');
    await w.clearRules();
    await w.rule({ name: 'Scam', conditions: { keywords: ['crypto giveaway'] }, actions: [{ type: 'report', reason: 'scam' }, { type: 'block' }, { type: 'hide' }] });
    const { itemId, author, externalId } = await w.arrive('Join the CRYPTO giveaway now', { root: null });
    expect(await w.entry(itemId, 'report')).toMatchObject({ outcome: 'done' });
    expect(await w.entry(itemId, 'block')).toMatchObject({ outcome: 'done' });
    expect(await w.entry(itemId, 'hide')).toMatchObject({ outcome: 'not_possible', detail: 'not_supported' });
    expect(net.reports).toContainEqual({ comment: externalId, author, reason: 'scam' });
    expect(net.blocked.has(author)).toBe(true);
  });

  it('tries a rule on the last items before it is switched on', async () => {
    const w = await workspace();
    await w.clearRules();
    for (const text of ['great product', 'awful scam', 'another scam here', 'thanks']) await w.arrive(text, { root: null });
    const res = await owner.client.post(w.api('/moderation/rules/try'), { conditions: { keywords: ['scam'] }, actions: [{ type: 'hide' }, { type: 'label', label: 'x' }], limit: 3 });
    expect(res.status).toBe(200);
    expect(res.body.tried).toBe(3);
    expect(res.body.matched).toBe(2);
    expect(res.body.items.map((i: any) => i.text).sort()).toEqual(['another scam here', 'awful scam']);
    expect(res.body.items[0].actions).toEqual([{ type: 'hide', allowed: false, why: 'not_our_post' }, { type: 'label', allowed: true, why: null }]);
  });

  it('retrains the workspace’s models from its labels, and its analyzer then scores the labelled text differently', async () => {
    const w = await workspace();
    const text = 'I love the new update, thank you so much';
    const before = (await workspaceAnalyzer(ruche.ctx, w.ws)).analyze(text).toxicity.categories;
    await w.clearRules();
    await w.rule({ name: 'Review love', conditions: { keywords: ['love'] }, actions: [{ type: 'review' }] });
    const { itemId } = await w.arrive(text, { root: null });
    const review = await eventually(async () => (await owner.client.get(w.api('/moderation/reviews'))).body.items.find((r: any) => r.item.id === itemId), 'the review');
    expect((await owner.client.post(w.api(`/moderation/reviews/${review.id}`), { decision: 'confirm' })).status).toBe(200);
    const started = await owner.client.post(w.api('/moderation/retrain'));
    expect(started.status).toBe(202);
    const job = await eventually(async () => {
      const j = (await owner.client.get(`/api/v1/workspaces/${w.ws}/jobs`)).body.items.find((x: any) => x.id === started.body.jobId);
      return j?.status === 'succeeded' || j?.status === 'failed' ? j : null;
    }, 'the retraining job');
    expect(job.status).toBe('succeeded');
    // Followed on the jobs page like other long work.
    expect(job.progress).toMatchObject({ done: job.progress.total });
    const models = (await owner.client.get(w.api('/moderation/models'))).body;
    expect(models.models).toEqual([expect.objectContaining({ name: expect.stringMatching(/^(hate|offensive)-en$/), examples: 1 })]);
    expect(models.decisions).toBe(1);
    const after = (await workspaceAnalyzer(ruche.ctx, w.ws)).analyze(text).toxicity.categories;
    // Confirmed as toxic: the retrained model now finds the text more so.
    expect(after.hate + after.insult).toBeGreaterThan(before.hate + before.insult);
    // Another workspace keeps the shipped models.
    const other = await workspace();
    expect((await workspaceAnalyzer(ruche.ctx, other.ws)).analyze(text).toxicity.categories).toEqual(before);
  });

  it('lets only moderators act; analysts and clients read or nothing; another workspace sees 404', async () => {
    const w = await workspace();
    await w.clearRules();
    await w.rule({ name: 'Hide vermin', conditions: { keywords: ['vermin'] }, actions: [{ type: 'hide' }] });
    const { itemId } = await w.arrive('vermin');
    const done = await w.entry(itemId, 'hide');
    const tag = crypto.randomBytes(3).toString('hex');
    const analyst = await addMember(owner.client, w.ws, `analyst.${tag}@example.com`, 'analyst');
    const client = await addMember(owner.client, w.ws, `client.${tag}@example.com`, 'client');
    const cm = await addMember(owner.client, w.ws, `cm.${tag}@example.com`, 'community_manager');
    expect((await analyst.client.get(w.api('/moderation/log'))).status).toBe(200);
    expect((await analyst.client.post(w.api(`/moderation/items/${itemId}/actions`), { action: 'block' })).status).toBe(403);
    expect((await analyst.client.post(w.api(`/moderation/log/${done.id}/undo`))).status).toBe(403);
    expect((await analyst.client.post(w.api('/moderation/rules'), { name: 'x', conditions: {}, actions: [{ type: 'review' }] })).status).toBe(403);
    for (const path of ['/moderation/log', '/moderation/reviews', '/moderation/rules']) expect((await client.client.get(w.api(path))).status).toBe(403);
    expect((await client.client.post(w.api(`/moderation/items/${itemId}/actions`), { action: 'block' })).status).toBe(403);
    expect((await cm.client.post(w.api(`/moderation/items/${itemId}/actions`), { action: 'block', reason: 'slurs' })).status).toBe(202);
    // A person's action is in the audit log too, with the author it was aimed at.
    const audit = (await owner.client.get(w.api('/audit'))).body.items as Array<{ action: string; targetId: string; actor: { id: string }; data: { action: string } }>;
    expect(audit.filter((e) => e.action === 'moderation.item_action' && e.targetId === itemId).map((e) => [e.actor.id, e.data.action])).toEqual([[cm.userId, 'block']]);

    const other = await workspace();
    const outsider = await addMember(owner.client, other.ws, `outsider.${tag}@example.com`, 'admin');
    expect((await outsider.client.get(w.api('/moderation/log'))).status).toBe(404);
    const cross = `/api/v1/workspaces/${other.ws}`;
    expect((await outsider.client.post(`${cross}/moderation/items/${itemId}/actions`, { action: 'block' })).status).toBe(404);
    expect((await outsider.client.post(`${cross}/moderation/log/${done.id}/undo`)).status).toBe(404);
    expect((await outsider.client.post(`${cross}/inbox/authors/${(await w.logOf(itemId))[0].authorId}/advocate`, { advocate: true })).status).toBe(404);
  });

  it('marks advocates and lists, and shows the week’s most positive contributions', async () => {
    const w = await workspace();
    await w.clearRules();
    const fan = `did:plc:fan${crypto.randomBytes(3).toString('hex')}`;
    const { itemId } = await w.arrive('I love this brand, thank you for the wonderful support!', { author: fan, root: null });
    await w.arrive('This is wonderful, great job team', { root: null });
    const authorId = (await owner.client.get(w.api(`/inbox/items/${itemId}`))).body.item.author.id;
    expect((await owner.client.post(w.api(`/inbox/authors/${authorId}/advocate`), { advocate: true })).body.advocate).toBe(true);
    expect((await owner.client.post(w.api(`/inbox/authors/${authorId}/lists`), { lists: ['vip', 'vip', 'press'] })).body.lists).toEqual(['vip', 'press']);
    const h = (await owner.client.get(w.api('/moderation/highlights'))).body;
    expect(h.items.map((i: any) => i.id)).toEqual([itemId]);
    expect(h.everyone.length).toBe(2);
    expect((await owner.client.get(w.api('/moderation/advocates'))).body.items.map((a: any) => a.id)).toEqual([authorId]);
  });
});
