import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { normalizeItem } from '../../src/modules/inbound/normalize.js';
import { storeBatch } from '../../src/modules/inbound/store.js';
import { sweepPendingRules, RULES_GRACE_MS } from '../../src/modules/inbound/rules-sweep.js';
import { applyRules, matchingRules, rulesFor, rulesIdle } from '../../src/modules/moderation/apply.js';
import { loadItems, parseAnalysis } from '../../src/modules/moderation/items.js';
import { workspaceAnalyzer } from '../../src/modules/moderation/workspace-analyzer.js';
import type { Analysis } from '../../src/analysis/index.js';
import type { InboundItem } from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';
import { ModerationNetwork } from './fake-network.js';

/**
 * The rules step on a page of items as the inbound pipeline stores them: every action of the page carried out
 * once (store-only ones together, tickets and replies item by item), no "rules pending" mark left, nothing done
 * twice when the rules run again; items no rule acts on stored unmarked from the start; authors counted once.
 */
describe.each(databases)('rules on a page of items on %s', (kind) => {
  let ruche: TestRuche;
  let owner: { client: TestClient; workspaceId: string; userId: string };
  const net = new ModerationNetwork();

  beforeAll(async () => {
    // The moderation fake, able to answer as well: a rule's reply is queued on it (sending it is another test's).
    const base = net.factory();
    const connectors: ConnectorFactory = {
      create: (network, deps) => {
        const c = base.create(network, deps);
        return { ...c, capabilities: new Set([...c.capabilities, 'reply' as const]), countText: async (text: string) => ({ used: text.length, max: 300 }) };
      },
    };
    ruche = await startTestRuche(kind, {}, { connectors });
    owner = await setupOwner(ruche.url);
  });
  afterAll(() => ruche?.stop());

  async function workspace() {
    const tag = crypto.randomBytes(3).toString('hex');
    const ws = (await owner.client.post('/api/v1/workspaces', { name: `Page ${tag}` })).body.id as string;
    const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;
    const accountId = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId: owner.userId, network: 'bluesky', serviceUrl: 'https://local.test',
      credentials: { network: 'bluesky' }, account: { id: `did:plc:brand${tag}`, handle: `brand-${tag}.test`, displayName: 'Brand', followers: 10 }, ip: null,
    });
    for (const r of (await owner.client.get(api('/moderation/rules'))).body.items) await owner.client.delete(api(`/moderation/rules/${r.id}`));
    const rule = async (body: object) => {
      const res = await owner.client.post(api('/moderation/rules'), body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    let n = 0;
    const raw = (text: string, author = `did:plc:fan${tag}${n}`): InboundItem => ({
      kind: 'mention', ref: { id: `at://${author}/app.bsky.feed.post/${tag}${n++}`, cid: 'bafy' }, text, createdAt: new Date().toISOString(), url: null,
      author: { id: author, handle: `${author.slice(8)}.test`, displayName: 'Fan', avatarUrl: null, followers: 5, createdAt: null },
      parent: null, root: null, conversationId: null, quoted: null, languages: ['en'], context: [],
    });
    return { ws, api, accountId, rule, raw, account: { id: accountId, workspace_id: ws, network: 'bluesky' } };
  }

  it('carries out every action of a page once, leaves no mark, and does nothing again when the rules run again', async () => {
    const w = await workspace();
    const cm = await addMember(owner.client, w.ws, `cm-${w.ws.slice(0, 6)}@example.com`, 'community_manager');
    const support = (await owner.client.get(w.api('/departments'))).body.items.find((d: { key: string }) => d.key === 'support');
    expect((await owner.client.patch(w.api(`/departments/${support.id}`), { email: 'support@brand.test' })).status).toBe(200);
    const saved = await owner.client.post(w.api('/inbox/saved-replies'), { title: 'Thanks', body: 'Thank you {first_name}!', language: 'en' });
    expect(saved.status).toBe(201);
    const refunds = await w.rule({ name: 'Refunds', conditions: { keywords: ['refund'] }, actions: [{ type: 'label', label: 'refund' }, { type: 'assign', userId: cm.userId }, { type: 'ticket', department: 'support' }] });
    const thanks = await w.rule({ name: 'Thanks', conditions: { keywords: ['thanks'] }, actions: [{ type: 'reply', savedReplyId: saved.body.id }] });
    const threats = await w.rule({ name: 'Threats', conditions: { keywords: ['burn'] }, actions: [{ type: 'escalate' }, { type: 'review' }] });

    const texts = ['Where is my refund?', 'Still no refund after a month', 'Thanks for the quick answer', 'I will burn your shop', 'Nice weather today', 'See you at the fair'];
    const result = await ingestItems(ruche.ctx, w.account, texts.map((t) => w.raw(t)));
    expect(result.stored).toHaveLength(6);
    const [refund1, refund2, thanked, threat, calm1, calm2] = result.stored;

    const { db } = ruche.ctx.store;
    const effects = async () => {
      const items = await db.selectFrom('inbox_items').select(['id', 'labels', 'assignee_id', 'moderation', 'rules_pending']).where('workspace_id', '=', w.ws).execute();
      const byId = new Map(items.map((i) => [i.id, i]));
      const log = await db.selectFrom('moderation_log').select(['item_id', 'action', 'rule_id']).where('workspace_id', '=', w.ws).execute();
      return {
        pending: items.filter((i) => Number(i.rules_pending) !== 0).length,
        labels: result.stored.map((id) => JSON.parse(byId.get(id)!.labels)),
        assignees: result.stored.map((id) => byId.get(id)!.assignee_id),
        moderation: result.stored.map((id) => byId.get(id)!.moderation),
        tickets: (await db.selectFrom('tickets').select('item_id').where('workspace_id', '=', w.ws).execute()).map((t) => t.item_id).sort(),
        replies: (await db.selectFrom('inbox_replies').select(['item_id', 'author_id']).where('workspace_id', '=', w.ws).execute()),
        reviews: (await db.selectFrom('moderation_reviews').select(['item_id', 'status']).where('workspace_id', '=', w.ws).execute()),
        escalations: (await db.selectFrom('notifications').select(['user_id', 'object_id']).where('workspace_id', '=', w.ws).where('kind', '=', 'moderation.escalated').execute())
          .map((e) => `${e.object_id} ${e.user_id}`).sort(),
        log: log.map((l) => `${l.item_id} ${l.action} ${l.rule_id}`).sort(),
      };
    };
    const expected = {
      pending: 0,
      labels: [['refund'], ['refund'], [], [], [], []],
      assignees: [cm.userId, cm.userId, null, null, null, null],
      moderation: [null, null, null, 'review', null, null],
      tickets: [refund1, refund2].sort(),
      replies: [{ item_id: thanked, author_id: `rule:${thanks}` }],
      reviews: [{ item_id: threat, status: 'pending' }],
      escalations: [`${threat} ${cm.userId}`, `${threat} ${owner.userId}`].sort(),
      log: [
        ...[refund1, refund2].flatMap((id) => [`${id} label ${refunds}`, `${id} assign ${refunds}`, `${id} ticket ${refunds}`]),
        `${thanked} reply ${thanks}`, `${threat} escalate ${threats}`, `${threat} review ${threats}`,
      ].sort(),
    };
    expect(await effects()).toEqual(expected);
    expect((await effects()).log.some((l) => l.startsWith(calm1) || l.startsWith(calm2))).toBe(false);

    // The sweep's path, on every item of the page again: nothing more is done, nothing more is logged.
    await applyRules(ruche.ctx, w.ws, result.stored);
    expect(await effects()).toEqual(expected);
  });

  it('stores items no rule acts on unmarked, so that a crash before the rules leaves only the others to the sweep', async () => {
    const w = await workspace();
    await w.rule({ name: 'Refunds', conditions: { keywords: ['refund'] }, actions: [{ type: 'label', label: 'refund' }] });
    const then = ruche.ctx.clock.now() - 3600_000;
    const analyzer = await workspaceAnalyzer(ruche.ctx, w.ws);
    const rules = await rulesFor(ruche.ctx, w.ws, then);
    // The crash: the page stored as the pipeline stores it, its rules step never run.
    const ids = await ruche.ctx.store.db.transaction().execute((trx) => storeBatch(trx, {
      workspaceId: w.ws, accountId: w.accountId, network: 'bluesky', counters: [], now: then,
      items: ['My refund please', 'Lovely day'].map((t) => { const item = normalizeItem(w.raw(t), then); return { item, analysis: analyzer.analyze(item.text) }; }),
      rulesIdle: (row, analysis) => rulesIdle(rules, row, analysis, then),
    }));
    const marks = async () => (await ruche.ctx.store.db.selectFrom('inbox_items').select(['id', 'rules_pending', 'labels']).where('workspace_id', '=', w.ws).execute())
      .map((i) => [ids.indexOf(i.id), Number(i.rules_pending), JSON.parse(i.labels)]).sort();
    expect(await marks()).toEqual([[0, 1, []], [1, 0, []]]);
    expect(RULES_GRACE_MS).toBeLessThan(3600_000);
    await sweepPendingRules(ruche.ctx);
    expect(await marks()).toEqual([[0, 0, ['refund']], [1, 0, []]]);
  });

  it('judges an item before storing it as the rules judge the stored row', async () => {
    const w = await workspace();
    const conditions = [
      { toxicity: { category: 'any', min: 0.4 } }, { toxicity: { category: 'insult', min: 0.5 } }, { languages: ['fr'] },
      { sentiment: ['negative'] }, { complaint: true }, { keywords: ['commande'] }, { hasLink: true }, { authorMinFollowers: 6 },
    ];
    for (const [i, c] of conditions.entries()) await w.rule({ name: `Rule ${i}`, conditions: c, actions: [{ type: 'label', label: `r${i}` }], stop: false });
    const texts = [
      'Thanks a lot, love the new version!', "Ma commande n'est jamais arrivée, service client nul, remboursez-moi",
      'You are a worthless idiot and I will kill you', 'Check out my profile for free followers https://spam.example/1',
      'Franchement décevant, la qualité a beaucoup baissé', 'Does it work with the older model too?',
    ];
    const result = await ingestItems(ruche.ctx, w.account, texts.map((t) => w.raw(t)));
    const now = ruche.ctx.clock.now();
    const one = await rulesFor(ruche.ctx, w.ws, now);
    const rows = await loadItems(ruche.ctx.store.db, w.ws, result.stored);
    expect(rows).toHaveLength(texts.length);
    const matchedSome = rows.map((row) => matchingRules(one, row, now).length > 0);
    expect(matchedSome.filter(Boolean).length).toBeGreaterThan(1);
    expect(matchedSome.filter((m) => !m).length).toBeGreaterThan(0);
    for (const rule of one) {
      const single = [rule];
      for (const row of rows) {
        const stored = matchingRules(single, row, now).length > 0;
        expect(!rulesIdle(single, row, parseAnalysis(row.item) as Analysis, now), `${rule.rule.name} on "${row.item.text}"`).toBe(stored);
      }
    }
  });

  it('counts an author’s items once when another writer stored one of the page first', async () => {
    const w = await workspace();
    const author = `did:plc:twice${w.ws.slice(0, 6)}`;
    const analyzer = await workspaceAnalyzer(ruche.ctx, w.ws);
    const first = w.raw('first word', author);
    const second = w.raw('second word', author);
    const batchOf = (items: InboundItem[]) => {
      const now = ruche.ctx.clock.now();
      return { workspaceId: w.ws, accountId: w.accountId, network: 'bluesky', counters: [], now,
        items: items.map((r) => { const item = normalizeItem(r, now); return { item, analysis: analyzer.analyze(item.text) }; }) };
    };
    // The stream stored the first item; the poll's page, read before, brings it again with the second.
    await ruche.ctx.store.db.transaction().execute((trx) => storeBatch(trx, batchOf([first])));
    const stored = await ruche.ctx.store.db.transaction().execute((trx) => storeBatch(trx, batchOf([first, second])));
    expect(stored).toHaveLength(1);
    const row = await ruche.ctx.store.db.selectFrom('inbox_authors').select('item_count').where('workspace_id', '=', w.ws).where('external_id', '=', author).executeTakeFirstOrThrow();
    expect(Number(row.item_count)).toBe(2);
    expect((await ruche.ctx.store.db.selectFrom('inbox_items').select('id').where('workspace_id', '=', w.ws).execute())).toHaveLength(2);
  });
});
