/**
 * The inbox's counts beside the list, made by the database on PostgreSQL and in this process on SQLite, agree with
 * their definition: per facet, per value, the items of the window that pass every other facet's filter. The items
 * are written straight into the table, so that they hold what the pipeline would not write: a label listed twice,
 * items their authors removed (open and done), no account, no toxicity, nobody assigned.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { countItems, countsChanged } from '../../src/modules/inbox/counts.js';
import { figureThreadStats } from '../../src/modules/analytics/figure-threads.js';
import { KINDS, SENTIMENTS, STATUSES, TOXICITY, type Filters } from '../../src/modules/inbox/schema.js';

interface Seeded {
  id: string;
  accountId: string | null;
  network: string;
  kind: (typeof KINDS)[number];
  status: (typeof STATUSES)[number];
  sentiment: string;
  toxicity: string | null;
  complaint: boolean;
  language: string;
  labels: string[];
  assigneeId: string | null;
  removed: boolean;
  createdAt: number;
}

type Facet = 'accountId' | 'status' | 'network' | 'kind' | 'sentiment' | 'toxicity' | 'complaint' | 'language' | 'label' | 'assigneeId';
type Tally = Record<string, number>;

/** The counts as the inbox defines them, from the items as written: one facet at a time, the others' filters applied. */
function expectedCounts(all: Seeded[], f: Filters, me: string, window: number) {
  const matching = all.filter((it) => (f.from === undefined || it.createdAt >= f.from) && (f.to === undefined || it.createdAt < f.to));
  const inWindow = [...matching].sort((a, b) => b.createdAt - a.createdAt).slice(0, window);
  const checks: Array<[Facet, (it: Seeded) => boolean]> = [];
  if (f.accountId) checks.push(['accountId', (it) => it.accountId === f.accountId]);
  // Open and waiting are what asks an answer: an item its author removed asks none.
  if (f.status) checks.push(['status', (it) => it.status === f.status && (f.status === 'done' || !it.removed)]);
  if (f.network) checks.push(['network', (it) => it.network === f.network]);
  if (f.kind) checks.push(['kind', (it) => it.kind === f.kind]);
  if (f.sentiment) checks.push(['sentiment', (it) => it.sentiment === f.sentiment]);
  if (f.toxicity) checks.push(['toxicity', (it) => (f.toxicity === 'any' ? it.toxicity !== null : it.toxicity === f.toxicity)]);
  if (f.complaint) checks.push(['complaint', (it) => it.complaint === (f.complaint === '1')]);
  if (f.language) checks.push(['language', (it) => it.language === f.language]);
  if (f.label) checks.push(['label', (it) => it.labels.includes(f.label!)]);
  if (f.assigneeId) {
    const who = f.assigneeId === 'me' ? me : f.assigneeId === 'none' ? null : f.assigneeId;
    checks.push(['assigneeId', (it) => it.assigneeId === who]);
  }
  const under = (except: Facet | null) => inWindow.filter((it) => checks.every(([facet, ok]) => facet === except || ok(it)));
  const tally = (except: Facet, valuesOf: (it: Seeded) => Array<string | null>): Tally => {
    const out: Tally = {};
    for (const it of under(except)) for (const v of valuesOf(it)) if (v !== null) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  const statuses = tally('status', (it) => [it.removed && it.status !== 'done' ? 'removed' : it.status]);
  const toxicity = tally('toxicity', (it) => [it.toxicity]);
  return {
    total: under(null).length,
    capped: matching.length > window,
    window,
    byStatus: { open: statuses.open ?? 0, waiting: statuses.waiting ?? 0, done: statuses.done ?? 0 },
    removed: statuses.removed ?? 0,
    byAccount: tally('accountId', (it) => [it.accountId]),
    byNetwork: tally('network', (it) => [it.network]),
    byKind: tally('kind', (it) => [it.kind]),
    bySentiment: tally('sentiment', (it) => [it.sentiment]),
    byToxicity: Object.fromEntries(TOXICITY.map((c) => [c, toxicity[c] ?? 0])),
    complaint: under('complaint').filter((it) => it.complaint).length,
    byLanguage: tally('language', (it) => [it.language]),
    // One item, one count per label it has, however many times its list names it.
    byLabel: tally('label', (it) => [...new Set(it.labels)]),
    byAssignee: tally('assigneeId', (it) => [it.assigneeId ?? 'none']),
  };
}

/** A small deterministic generator, so that the items mix their values the same way on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  // mulberry32
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
}

describe.each(databases)('inbox counts on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let ws: string;
  let me: string;
  let accounts: string[];
  const items: Seeded[] = [];
  const base = Date.UTC(2026, 9, 1);
  const other = 'someone-else';

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ workspaceId: ws, userId: me } = o);
    accounts = [await connectLocalAccount(ruche, ws, me, 'brand-a'), await connectLocalAccount(ruche, ws, me, 'brand-b')];
    const { db } = ruche.ctx.store;
    const authorId = crypto.randomUUID();
    await db.insertInto('inbox_authors').values({
      id: authorId, workspace_id: ws, network: 'bluesky', external_id: `did:${authorId}`, handle: 'someone.test', display_name: null, avatar_url: null,
      followers: null, account_created_at: null, blocked_at: null, muted_at: null, first_seen_at: base, last_seen_at: base,
    }).execute();
    const pick = generator(7);
    const labelLists = [[], [], ['promo'], ['promo', 'promo'], ['vip', 'promo'], ['vip', 'vip', 'support'], ['support'], ['promo', 'vip', 'promo']];
    for (let n = 0; n < 90; n++) {
      const it: Seeded = {
        id: crypto.randomUUID(),
        accountId: pick([accounts[0]!, accounts[1]!, null]),
        network: pick(['bluesky', 'mastodon']),
        kind: pick(KINDS),
        status: pick(STATUSES),
        sentiment: pick(SENTIMENTS),
        toxicity: pick([null, null, null, ...TOXICITY]),
        complaint: pick([false, false, true]),
        language: pick(['en', 'fr', 'de']),
        labels: pick(labelLists),
        assigneeId: pick([null, null, me, other]),
        removed: pick([false, false, false, true]),
        createdAt: base + n * 60_000,
      };
      items.push(it);
      await db.insertInto('inbox_items').values({
        id: it.id, workspace_id: ws, account_id: it.accountId, network: it.network, external_id: `ext:${it.id}`, external_cid: null, kind: it.kind,
        author_id: authorId, text: `Message ${n}`, url: null, parent_external_id: null, parent_cid: null, root_external_id: null, root_cid: null,
        thread_key: it.id, post_id: null, language: it.language, sentiment: it.sentiment, sentiment_score: 0, toxicity: it.toxicity ? 0.9 : 0.01,
        toxicity_category: it.toxicity, complaint: it.complaint ? 1 : 0, complaint_score: 0, has_link: 0, risk: 0.1, analysis: '{}', status: it.status,
        assignee_id: it.assigneeId, labels: JSON.stringify(it.labels), moderation: null, created_at: it.createdAt, received_at: it.createdAt,
        first_reply_at: null, status_changed_at: it.createdAt, removed_at: it.removed ? it.createdAt + 30_000 : null, edited_at: null,
      }).execute();
    }
    countsChanged(ws);
  });
  afterAll(() => ruche?.stop());

  const counted = (f: Filters, window?: number) => countItems({ store: ruche.ctx.store, workspaceId: ws, userId: me }, f, window);

  it('holds the mixes it means to count', () => {
    // Without these the comparisons below would prove little.
    expect(items.filter((it) => new Set(it.labels).size < it.labels.length).length).toBeGreaterThan(5);
    expect(items.filter((it) => it.removed && it.status !== 'done').length).toBeGreaterThan(3);
    expect(items.filter((it) => it.removed && it.status === 'done').length).toBeGreaterThan(1);
    for (const column of ['accountId', 'toxicity', 'assigneeId'] as const) expect(items.some((it) => it[column] === null)).toBe(true);
  });

  it('counts an item once under a label its list names twice', async () => {
    const promo = items.filter((it) => it.labels.includes('promo')).length;
    expect((await counted({})).byLabel.promo).toBe(promo);
    expect((await counted({ label: 'promo' })).total).toBe(promo);
    // Under another facet's filter too.
    expect((await counted({ status: 'done' })).byLabel.promo).toBe(items.filter((it) => it.labels.includes('promo') && it.status === 'done').length);
  });

  // Filters named before the accounts exist: `account` picks one of the two connected.
  const cases: Array<[string, Filters & { account?: 0 | 1 }]> = [
    ['no filter', {}],
    ['a status that asks an answer', { status: 'open' }],
    ['done, removed items included', { status: 'done' }],
    ['a label', { label: 'promo' }],
    ['a label, a status and a network', { label: 'vip', status: 'waiting', network: 'mastodon' }],
    ['any toxicity', { toxicity: 'any' }],
    ['a toxicity and complaints', { toxicity: 'insult', complaint: '1' }],
    ['no complaint, in French', { complaint: '0', language: 'fr' }],
    ['assigned to me', { assigneeId: 'me' }],
    ['assigned to nobody, of one kind', { assigneeId: 'none', kind: 'reply' }],
    ['assigned to another member', { assigneeId: other, sentiment: 'negative' }],
    ['one account, one sentiment', { account: 0, sentiment: 'positive' }],
    ['the other account, a label', { account: 1, label: 'support' }],
    ['a period', { from: base + 20 * 60_000, to: base + 70 * 60_000, status: 'open' }],
    ['a label nobody has', { label: 'nothing-here' }],
  ];
  const filtersOf = ({ account, ...f }: Filters & { account?: 0 | 1 }): Filters => (account === undefined ? f : { ...f, accountId: accounts[account]! });

  it.each(cases)('counts every facet as defined: %s', async (_name, given) => {
    const f = filtersOf(given);
    expect(await counted(f)).toEqual(expectedCounts(items, f, me, 5000));
  });

  it.each(cases)('counts every facet of a window smaller than the inbox as defined: %s', async (_name, given) => {
    const f = filtersOf(given);
    expect(await counted(f, 40)).toEqual(expectedCounts(items, f, me, 40));
  });

  // A window holding every matching item is not capped; one item fewer is. The window is read with one item more
  // to tell, and that item is counted nowhere.
  it.each([['no filter', {}], ['a status', { status: 'open' }], ['a label', { label: 'vip' }], ['a search every item matches', { q: 'message' }]] as Array<[string, Filters]>)(
    'says a window is capped only when more items match beyond it: %s', async (_name, f) => {
      const all = items.length;
      for (const window of [all - 1, all, all + 1]) {
        const c = await counted(f, window);
        expect(c.capped).toBe(window < all);
        expect(c).toEqual(expectedCounts(items, f, me, window));
      }
    });

  // SQLite reads a count on a reader thread, with its own connection to the file, so as not to hold the thread that
  // answers HTTP; without a file (or threads) it reads on the calling thread. Both give the same counts.
  it('gives the same counts on a reader thread as on the calling thread (SQLite)', async () => {
    const { store } = ruche.ctx;
    if (kind !== 'sqlite') return;
    expect(store.file).toBeTruthy();
    const inlineStore = { ...store, file: undefined };
    const before = figureThreadStats().countsOnThreads;
    const all = [...cases.map(([, given]) => filtersOf(given)), { q: 'message' }, { q: 'message', status: 'open' as const }];
    for (const f of all) {
      for (const window of [5000, 40]) {
        countsChanged(ws);
        const inline = await countItems({ store: inlineStore, workspaceId: ws, userId: me }, f, window);
        countsChanged(ws);
        expect(await countItems({ store, workspaceId: ws, userId: me }, f, window)).toEqual(inline);
      }
    }
    expect(figureThreadStats().countsOnThreads).toBe(before + all.length * 2);
  });
});
