/**
 * The inbox list and its counts through the HTTP API, on each database: every filter, the facet counts (each
 * honours every other filter), search in French and English whatever the accents, keyset pages that stay
 * stable while items arrive, and riskiest first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { inboxPath, seedItem, type SeedItem } from './seed.js';

describe.each(databases)('inbox list and counts on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ownerId: string;
  let ws: string;
  let accountA: string;
  let accountB: string;
  let cm: { client: TestClient; userId: string };
  const ids: Record<string, string> = {};
  const base = Date.UTC(2026, 10, 1);

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws, userId: ownerId } = o);
    accountA = await connectLocalAccount(ruche, ws, ownerId, 'brand-a');
    accountB = await connectLocalAccount(ruche, ws, ownerId, 'brand-b');
    cm = await addMember(owner, ws, 'cm@example.com', 'community_manager');
    const seed = async (name: string, s: Omit<SeedItem, 'accountId'> & { accountId?: string }, minutes: number) => {
      ids[name] = (await seedItem(ruche, ws, { accountId: accountA, ...s, createdAt: base + minutes * 60_000 })).id;
    };
    await seed('frComplaint', { text: 'Mon colis est arrivé cassé, équipe injoignable', language: 'fr', sentiment: 'negative', complaint: true, risk: 0.6 }, 1);
    await seed('enThanks', { text: 'Thanks for the quick answer, great team!', sentiment: 'positive', risk: 0.05 }, 2);
    await seed('insult', { text: 'You are all idiots', sentiment: 'negative', toxicityCategory: 'insult', risk: 0.8, kind: 'mention' }, 3);
    await seed('hate', { text: 'Some hateful words here', toxicityCategory: 'hate', risk: 0.95, accountId: accountB, network: 'mastodon' }, 4);
    await seed('dm', { text: 'Bonjour, une question sur la livraison', language: 'fr', kind: 'message', status: 'waiting' }, 5);
    await seed('done', { text: 'Already handled café order', status: 'done', accountId: accountB }, 6);
  });
  afterAll(() => ruche?.stop());

  const list = async (query: string) => {
    const res = await owner.get(inboxPath(ws, `/items?${query}`));
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ id: string; text: string; risk: number }>; nextCursor: string | null };
  };
  const names = (items: Array<{ id: string }>) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

  it('lists newest first, and riskiest first', async () => {
    expect(names((await list('')).items)).toEqual(['done', 'dm', 'hate', 'insult', 'enThanks', 'frComplaint']);
    expect(names((await list('sort=risk')).items)).toEqual(['hate', 'insult', 'frComplaint', 'done', 'dm', 'enThanks']);
  });

  it('filters by each field', async () => {
    const cases: Array<[string, string[]]> = [
      ['network=mastodon', ['hate']],
      [`accountId=${accountB}`, ['done', 'hate']],
      ['kind=message', ['dm']],
      ['kind=mention', ['insult']],
      ['status=waiting', ['dm']],
      ['status=done', ['done']],
      ['sentiment=positive', ['enThanks']],
      ['toxicity=hate', ['hate']],
      ['toxicity=any', ['hate', 'insult']],
      ['complaint=1', ['frComplaint']],
      ['language=fr', ['dm', 'frComplaint']],
      [`from=${base + 2 * 60_000}&to=${base + 4 * 60_000}`, ['insult', 'enThanks']],
      ['language=fr&status=open', ['frComplaint']],
      // An empty value filters nothing.
      ['network=&language=', ['done', 'dm', 'hate', 'insult', 'enThanks', 'frComplaint']],
    ];
    for (const [query, expected] of cases) expect([query, names((await list(query)).items)]).toEqual([query, expected]);
  });

  it('filters by label and assignee, set through the API', async () => {
    const patched = await cm.client.patch(inboxPath(ws, `/items/${ids.insult}`), { labels: ['urgent', 'vip'], assigneeId: cm.userId });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ labels: ['urgent', 'vip'], assigneeId: cm.userId });
    await cm.client.patch(inboxPath(ws, `/items/${ids.hate}`), { labels: ['urgent'] });
    expect(names((await list('label=urgent')).items)).toEqual(['hate', 'insult']);
    expect(names((await list('label=vip')).items)).toEqual(['insult']);
    expect(names((await list(`assigneeId=${cm.userId}`)).items)).toEqual(['insult']);
    expect(names((await cm.client.get(inboxPath(ws, '/items?assigneeId=me'))).body.items)).toEqual(['insult']);
    expect(names((await list('assigneeId=none')).items)).not.toContain('insult');
    // The counts see the labels and assignees too, each facet under the other filters.
    const counted = (await owner.get(inboxPath(ws, '/counts'))).body;
    expect(counted.byLabel).toEqual({ urgent: 2, vip: 1 });
    expect(counted.byAssignee).toMatchObject({ [cm.userId]: 1, none: 5 });
    const urgent = (await owner.get(inboxPath(ws, '/counts?label=urgent'))).body;
    expect(urgent).toMatchObject({ total: 2, byLabel: { urgent: 2, vip: 1 }, byToxicity: { insult: 1, hate: 1 }, byAssignee: { [cm.userId]: 1, none: 1 } });
    const mineUrgent = (await cm.client.get(inboxPath(ws, '/counts?label=urgent&assigneeId=me&toxicity=any'))).body;
    expect(mineUrgent).toMatchObject({ total: 1, byLabel: { urgent: 1, vip: 1 }, byAssignee: { [cm.userId]: 1, none: 1 } });
    // Labels replaced: the index follows the copy.
    await cm.client.patch(inboxPath(ws, `/items/${ids.insult}`), { labels: ['vip'] });
    expect(names((await list('label=urgent')).items)).toEqual(['hate']);
    await cm.client.patch(inboxPath(ws, `/items/${ids.hate}`), { labels: [] });
    await cm.client.patch(inboxPath(ws, `/items/${ids.insult}`), { labels: [], assigneeId: null });
  });

  it('counts each facet under every other filter', async () => {
    const all = (await owner.get(inboxPath(ws, '/counts'))).body;
    expect(all).toMatchObject({
      total: 6, capped: false,
      byStatus: { open: 4, waiting: 1, done: 1 },
      byNetwork: { bluesky: 5, mastodon: 1 },
      byKind: { reply: 4, mention: 1, message: 1 },
      bySentiment: { negative: 2, positive: 1, neutral: 3 },
      byToxicity: { insult: 1, hate: 1, threat: 0, sexual: 0, spam: 0 },
      complaint: 1,
      byLanguage: { fr: 2, en: 4 },
      byAccount: { [accountA]: 4, [accountB]: 2 },
    });
    // Status chosen: the total narrows, the status counts do not (they show what each status would give), the others do.
    const open = (await owner.get(inboxPath(ws, '/counts?status=open'))).body;
    expect(open.total).toBe(4);
    expect(open.byStatus).toEqual({ open: 4, waiting: 1, done: 1 });
    expect(open.byLanguage).toEqual({ fr: 1, en: 3 });
    expect(open.byKind).toEqual({ reply: 3, mention: 1 });
    // Two filters: each facet counts under the other one.
    const frOpen = (await owner.get(inboxPath(ws, '/counts?status=open&language=fr'))).body;
    expect(frOpen.total).toBe(1);
    expect(frOpen.byStatus).toEqual({ open: 1, waiting: 1, done: 0 });
    expect(frOpen.byLanguage).toEqual({ fr: 1, en: 3 });
    // A search narrows every count.
    const searched = (await owner.get(inboxPath(ws, '/counts?q=livraison'))).body;
    expect(searched.total).toBe(1);
    expect(searched.byStatus).toEqual({ open: 0, waiting: 1, done: 0 });
  });

  it('finds words in French and English whatever the accents and case', async () => {
    const found = async (q: string) => names((await list(`q=${encodeURIComponent(q)}`)).items);
    expect(await found('colis cassé')).toEqual(['frComplaint']);
    expect(await found('COLIS casse')).toEqual(['frComplaint']);
    expect(await found('Équipe')).toEqual(['frComplaint']);
    expect(await found('equipe')).toEqual(['frComplaint']);
    expect(await found('cafe')).toEqual(['done']);
    expect(await found('café')).toEqual(['done']);
    expect(await found('team')).toEqual(['enThanks']);
    // The last word may be the start of one.
    expect(await found('livr')).toEqual(['dm']);
    expect(await found('thanks quick')).toEqual(['enThanks']);
    expect(await found('thanks cassé')).toEqual([]);
    expect(await found('!!!')).toEqual([]);
  });

  it('pages by key: nothing repeats or goes missing while items arrive', async () => {
    const extra = kind === 'sqlite' ? 'p' : 'q';
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await seedItem(ruche, ws, { text: `page ${extra} item ${i}`, accountId: accountA, createdAt: base + 100 * 60_000 + (i % 3) * 1000 })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // Newer items arrive between pages: they come before the cursor, so later pages are not shifted.
      if (pages++ === 0) await seedItem(ruche, ws, { text: 'arrived meanwhile', accountId: accountA, createdAt: base + 200 * 60_000 });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(6 + 7);
    for (const id of [...made, ...Object.values(ids)]) expect(seen).toContain(id);
    // Riskiest first pages the same way.
    const risky: string[] = [];
    cursor = null;
    do {
      const page = await list(`sort=risk&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      risky.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(risky).size).toBe(risky.length);
    expect(risky).toHaveLength(6 + 7 + 1);
    expect((await owner.get(inboxPath(ws, '/items?cursor=nonsense'))).status).toBe(400);
  });

  it('pages a search newest first, under other filters, while items arrive', async () => {
    const word = kind === 'sqlite' ? 'parapluie' : 'parasol';
    const made: string[] = [];
    for (let i = 0; i < 9; i++) {
      const accountId = i % 3 === 0 ? accountB : accountA;
      made.push((await seedItem(ruche, ws, { text: `${word} numéro ${i}`, accountId, createdAt: base + 300 * 60_000 + (i % 4) * 1000 })).id);
    }
    const walk = async (query: string) => {
      const seen: Array<{ id: string; createdAt: number }> = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = (await list(`${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as unknown as {
          items: Array<{ id: string; createdAt: number }>; nextCursor: string | null;
        };
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (pages++ === 0) await seedItem(ruche, ws, { text: `${word} arrivé entre deux pages`, accountId: accountA, createdAt: base + 400 * 60_000 });
      } while (cursor);
      // Newest first, to the second; nothing twice.
      for (let i = 1; i < seen.length; i++) expect(Math.floor(seen[i]!.createdAt / 1000)).toBeLessThanOrEqual(Math.floor(seen[i - 1]!.createdAt / 1000));
      expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
      return seen.map((i) => i.id);
    };
    const all = await walk(`q=${word}`);
    for (const id of made) expect(all).toContain(id);
    const onA = await walk(`q=${word}&accountId=${accountA}`);
    expect(onA.filter((id) => made.includes(id)).sort()).toEqual(made.filter((_, i) => i % 3 !== 0).sort());
  });

  it('completes the last word of a search from the words stored since', async () => {
    const stem = kind === 'sqlite' ? 'hirondel' : 'hirondeau';
    const swallow = (await seedItem(ruche, ws, { text: `Les ${stem}les reviennent`, accountId: accountA, createdAt: base + 500 * 60_000 })).id;
    expect((await list(`q=${stem.slice(0, 5)}`)).items.map((i) => i.id)).toEqual([swallow]);
    expect((await list(`q=${stem}les`)).items.map((i) => i.id)).toEqual([swallow]);
    expect((await list(`q=${stem}lesx`)).items).toEqual([]);
    // A start shared by very many words is still found (searched as a prefix rather than through its completions).
    const many = Array.from({ length: 80 }, (_, i) => `zeugma${String(i).padStart(3, '0')}`).join(' ');
    const crowded = (await seedItem(ruche, ws, { text: many, accountId: accountA, createdAt: base + 501 * 60_000 })).id;
    const plus = (await seedItem(ruche, ws, { text: 'un zeugmatique', accountId: accountA, createdAt: base + 502 * 60_000 })).id;
    expect((await list('q=zeugm')).items.map((i) => i.id)).toEqual([plus, crowded]);
    expect((await list('q=zeugma079')).items.map((i) => i.id)).toEqual([crowded]);
  });

  it("finds only the workspace's own items, and keeps an item whose word is longer than the index holds", async () => {
    // Another workspace of the same owner holds the same words: none of its items comes back, however the search goes
    // (a rare word, two common ones, a last word completed or as a prefix).
    const other = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id as string;
    const otherAccount = await connectLocalAccount(ruche, other, ownerId, 'brand-other');
    const word = kind === 'sqlite' ? 'lampadaire' : 'luminaire';
    const mine = (await seedItem(ruche, ws, { text: `${word} cassé livraison`, accountId: accountA, createdAt: base + 600 * 60_000 })).id;
    for (let i = 0; i < 3; i++) await seedItem(ruche, other, { text: `${word} cassé livraison ${i}`, accountId: otherAccount, createdAt: base + 601 * 60_000 });
    for (const q of [word, `${word} livraison`, `cassé ${word.slice(0, 5)}`, `livraison ${word}`]) {
      expect((await list(`q=${encodeURIComponent(q)}`)).items.map((i) => i.id)).toEqual([mine]);
      expect((await list(`sort=risk&q=${encodeURIComponent(q)}`)).items.map((i) => i.id)).toEqual([mine]);
      expect((await owner.get(inboxPath(ws, `/counts?q=${encodeURIComponent(q)}`))).body.total).toBe(1);
    }
    // A word of 2,040 letters: PostgreSQL indexes words up to 2,047 bytes, and the workspace's prefix would take it
    // past; the item is stored all the same and found by its other words.
    const long = (await seedItem(ruche, ws, { text: `réverbère ${'x'.repeat(2040)} ${word}`, accountId: accountA, createdAt: base + 602 * 60_000 })).id;
    expect((await list(`q=${encodeURIComponent('réverbère')}`)).items.map((i) => i.id)).toEqual([long]);
  });
});
