import crypto from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { SEARCH_KEY_SHIFT } from '../../src/modules/inbox/search.js';

/**
 * A million inbox items for the inbox benchmark, written straight into the database (the pipeline's own speed is
 * measured apart): Zipf-distributed French and English words, so that searches have realistic selectivity, and
 * the shares of kinds, languages, statuses, toxicity and complaints a busy brand's inbox has.
 */
const COMMON = [
  'merci', 'pour', 'le', 'la', 'les', 'de', 'un', 'une', 'et', 'the', 'and', 'for', 'you', 'thanks', 'commande', 'order', 'livraison',
  'delivery', 'colis', 'package', 'service', 'client', 'customer', 'support', 'produit', 'product', 'équipe', 'team', 'problème', 'problem',
  'remboursement', 'refund', 'retard', 'late', 'question', 'help', 'aide', 'super', 'great', 'génial', 'awesome', 'nul', 'bad', 'déçu',
  'disappointed', 'prix', 'price', 'magasin', 'store', 'application', 'app', 'site', 'website', 'compte', 'account', 'paiement', 'payment',
  'carte', 'card', 'réponse', 'answer', 'toujours', 'still', 'jamais', 'never', 'aujourd', 'today', 'demain', 'tomorrow', 'semaine', 'week',
  'qualité', 'quality', 'cassé', 'broken', 'café', 'coffee', 'nouveau', 'new', 'lancement', 'launch', 'bravo', 'congrats', 'été', 'summer',
  'hiver', 'winter', 'écologie', 'ecology', 'garantie', 'warranty', 'échange', 'exchange', 'taille', 'size', 'couleur', 'colour', 'stock',
  'dispo', 'available', 'attente', 'waiting', 'appel', 'call', 'mail', 'email', 'facture', 'invoice', 'abonnement', 'subscription',
];
const VOCAB = [...COMMON, ...Array.from({ length: 3000 - COMMON.length }, (_, i) => `mot${i}x`)];
const weights = VOCAB.map((_, r) => 1 / (r + 1));
const cumulative: number[] = [];
weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
const totalWeight = cumulative[cumulative.length - 1]!;

/** Deterministic, so that both databases hold the same inbox. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(r: () => number): string {
  const x = r() * totalWeight;
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo]!;
}

function pick<T>(r: () => number, table: Array<[T, number]>): T {
  let x = r();
  for (const [v, p] of table) if ((x -= p) < 0) return v;
  return table[table.length - 1]![0];
}

export const SEARCHES = {
  common: 'commande',
  rare: 'mot2500x',
  twoWords: 'livraison retard',
  accented: 'équipe',
  prefix: 'rembour',
};

export interface SeedPlan {
  workspaces: Array<{ id: string; ownerId: string; accounts: string[] }>;
  itemsPerWorkspace: number;
  authorsPerWorkspace: number;
}

const COLS = [
  'id', 'workspace_id', 'account_id', 'network', 'external_id', 'external_cid', 'kind', 'author_id', 'text', 'url', 'parent_external_id',
  'parent_cid', 'root_external_id', 'root_cid', 'thread_key', 'post_id', 'context', 'language', 'sentiment', 'sentiment_score', 'toxicity',
  'toxicity_category', 'complaint', 'complaint_score', 'has_link', 'risk', 'analysis', 'status', 'assignee_id', 'labels', 'moderation',
  'created_at', 'received_at', 'first_reply_at', 'status_changed_at',
] as const;

type Row = Record<(typeof COLS)[number], string | number | null>;

export function* rowsOf(plan: SeedPlan, w: number, now: number): Generator<{ item: Row; labels: string[] }> {
  const ws = plan.workspaces[w]!;
  const r = rng(1000 + w);
  for (let i = 0; i < plan.itemsPerWorkspace; i++) {
    const n = 6 + Math.floor(r() * 20);
    const words: string[] = [];
    for (let k = 0; k < n; k++) words.push(word(r));
    const accountIdx = r() < 0.6 ? 0 : 1;
    const category = pick<string | null>(r, [[null, 0.94], ['insult', 0.03], ['spam', 0.015], ['hate', 0.007], ['threat', 0.005], ['sexual', 0.003]]);
    const complaint = r() < 0.08 ? 1 : 0;
    const createdAt = now - Math.floor(r() * 90 * 86_400_000);
    const status = pick(r, [['open', 0.4], ['waiting', 0.1], ['done', 0.5]] as Array<[string, number]>);
    const labels = [...(r() < 0.05 ? ['vip'] : []), ...(r() < 0.03 ? ['urgent'] : [])];
    const id = `${w.toString(36)}-${i.toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
    const ext = `ext-${id}`;
    const replied = status === 'done' && r() < 0.7;
    yield {
      labels,
      item: {
        id, workspace_id: ws.id, account_id: ws.accounts[accountIdx]!, network: accountIdx === 0 ? 'bluesky' : 'mastodon', external_id: ext,
        external_cid: null, kind: pick(r, [['reply', 0.6], ['mention', 0.25], ['quote', 0.1], ['message', 0.05]] as Array<[string, number]>),
        author_id: `${ws.id}-author-${Math.floor(r() * plan.authorsPerWorkspace)}`, text: words.join(' '), url: null,
        parent_external_id: null, parent_cid: null, root_external_id: null, root_cid: null, thread_key: r() < 0.3 ? `t-${w}-${Math.floor(r() * 5000)}` : ext,
        post_id: null, context: '[]', language: pick(r, [['fr', 0.45], ['en', 0.45], ['es', 0.05], ['de', 0.05]] as Array<[string, number]>),
        sentiment: pick(r, [['negative', 0.25], ['neutral', 0.5], ['positive', 0.25]] as Array<[string, number]>), sentiment_score: 0,
        toxicity: category ? 0.7 + r() * 0.3 : r() * 0.2, toxicity_category: category, complaint, complaint_score: complaint ? 0.8 : 0.1,
        has_link: r() < 0.1 ? 1 : 0, risk: Math.round(r() ** 3 * 10_000) / 10_000,
        analysis: category ? `{"toxicity":{"categories":{"${category}":0.9}},"reasons":[]}` : '{"reasons":[]}',
        status, assignee_id: r() < 0.2 ? ws.ownerId : null, labels: JSON.stringify(labels), moderation: null,
        created_at: createdAt, received_at: createdAt + 1000, first_reply_at: replied ? createdAt + Math.floor(r() * 3_600_000) : null,
        status_changed_at: createdAt,
      },
    };
  }
}

function accountRows(plan: SeedPlan, now: number) {
  return plan.workspaces.flatMap((ws) =>
    ws.accounts.map((id, i) => ({
      id, workspace_id: ws.id, network: i === 0 ? 'bluesky' : 'mastodon', external_id: `bench:${id}`, handle: `brand${i}.bench`, display_name: 'Brand',
      service_url: 'https://bench.invalid', credentials: 'not-sealed', status: 'connected', status_message: null, timezone: 'Europe/Paris',
      created_by: ws.ownerId, created_at: now, updated_at: now, last_ok_at: now,
    })),
  );
}

function authorRow(ws: string, a: number, now: number) {
  return {
    id: `${ws}-author-${a}`, workspace_id: ws, network: a % 3 === 0 ? 'mastodon' : 'bluesky', external_id: `did:bench:${ws}:${a}`,
    handle: `fan${a}.bench`, display_name: `Fan ${a}`, avatar_url: null, followers: a % 1000, account_created_at: null, lists: '[]',
    advocate: 0, item_count: 0, removed_count: 0, blocked_at: null, muted_at: null, first_seen_at: now, last_seen_at: now,
  };
}

/** SQLite: one connection of its own beside the server's (WAL), prepared inserts in large transactions. */
export function seedSqlite(file: string, plan: SeedPlan, now: number) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 60000');
  db.pragma('cache_size = -400000');
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  // Loaded without the secondary indexes and the search triggers, which are then built once: far quicker than row by row.
  const rebuild = (db.prepare("select sql from sqlite_master where tbl_name = 'inbox_items' and type in ('index', 'trigger') and sql is not null").all() as Array<{ sql: string }>).map((r) => r.sql);
  for (const r of db.prepare("select type, name from sqlite_master where tbl_name = 'inbox_items' and type in ('index', 'trigger') and sql is not null").all() as Array<{ type: string; name: string }>) {
    db.exec(`drop ${r.type} ${r.name}`);
  }
  const insertAuthor = db.prepare(`insert into inbox_authors (id, workspace_id, network, external_id, handle, display_name, avatar_url, followers,
    account_created_at, lists, advocate, item_count, removed_count, blocked_at, muted_at, first_seen_at, last_seen_at) values (@id, @workspace_id,
    @network, @external_id, @handle, @display_name, @avatar_url, @followers, @account_created_at, @lists, @advocate, @item_count, @removed_count,
    @blocked_at, @muted_at, @first_seen_at, @last_seen_at)`);
  const insertItem = db.prepare(`insert into inbox_items (${COLS.join(', ')}) values (${COLS.map((c) => `@${c}`).join(', ')})`);
  const insertLabel = db.prepare('insert into inbox_item_labels (item_id, workspace_id, label, item_created_at) values (?, ?, ?, ?)');
  const accounts = accountRows(plan, now);
  const insertAccount = db.prepare(`insert into social_accounts (${Object.keys(accounts[0]!).join(', ')}) values (${Object.keys(accounts[0]!).map((c) => `@${c}`).join(', ')})`);
  for (const a of accounts) insertAccount.run(a);
  for (let w = 0; w < plan.workspaces.length; w++) {
    const ws = plan.workspaces[w]!;
    db.transaction(() => {
      for (let a = 0; a < plan.authorsPerWorkspace; a++) insertAuthor.run(authorRow(ws.id, a, now));
    })();
    const rows = rowsOf(plan, w, now);
    let done = false;
    while (!done) {
      db.transaction(() => {
        for (let k = 0; k < 10_000; k++) {
          const next = rows.next();
          if (next.done) {
            done = true;
            return;
          }
          insertItem.run(next.value.item);
          for (const l of next.value.labels) insertLabel.run(next.value.item.id, ws.id, l, next.value.item.created_at);
        }
      })();
    }
  }
  for (const sql of rebuild) db.exec(sql);
  // The search index keyed by time, and its dictionary of words, as the triggers and the store keep them (migration 0029).
  db.exec(`insert into inbox_items_fts(rowid, text, workspace_id)
    select (created_at / 1000) * ${SEARCH_KEY_SHIFT} + (rowid % ${SEARCH_KEY_SHIFT}) as key, text, replace(workspace_id, '-', '') from inbox_items order by key`);
  db.exec('create virtual table temp.vocab using fts5vocab(main, inbox_items_fts, row)');
  db.exec('insert or ignore into inbox_search_terms (term) select term from temp.vocab');
  db.exec('analyze');
  db.close();
}

/** PostgreSQL: rows sent as arrays and unnested server-side, 5,000 a statement. */
export async function seedPostgres(url: string, schema: string, plan: SeedPlan, now: number) {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query("set maintenance_work_mem = '512MB'");
    // Loaded without the secondary indexes, which are then built once.
    const { rows: defs } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes i where schemaname = $1 and tablename = 'inbox_items'
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [schema]);
    for (const d of defs) await client.query(`drop index ${d.indexname}`);
    const types: Record<string, string> = {
      sentiment_score: 'float8', toxicity: 'float8', complaint: 'int', complaint_score: 'float8', has_link: 'int', risk: 'float8',
      created_at: 'int8', received_at: 'int8', first_reply_at: 'int8', status_changed_at: 'int8',
    };
    for (const a of accountRows(plan, now)) {
      const cols = Object.keys(a);
      await client.query(`insert into social_accounts (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(a));
    }
    const itemSql = `insert into inbox_items (${COLS.join(', ')}) select * from unnest(${COLS.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(', ')})`;
    for (let w = 0; w < plan.workspaces.length; w++) {
      const ws = plan.workspaces[w]!;
      const authors = Array.from({ length: plan.authorsPerWorkspace }, (_, a) => authorRow(ws.id, a, now));
      const aCols = Object.keys(authors[0]!) as Array<keyof (typeof authors)[0]>;
      const aTypes: Record<string, string> = { followers: 'int', account_created_at: 'int8', advocate: 'int', item_count: 'int', removed_count: 'int', blocked_at: 'int8', muted_at: 'int8', first_seen_at: 'int8', last_seen_at: 'int8' };
      await client.query(
        `insert into inbox_authors (${aCols.join(', ')}) select * from unnest(${aCols.map((c, i) => `$${i + 1}::${aTypes[c] ?? 'text'}[]`).join(', ')})`,
        aCols.map((c) => authors.map((a) => a[c])),
      );
      const rows = rowsOf(plan, w, now);
      for (;;) {
        const batch: Array<{ item: Row; labels: string[] }> = [];
        for (let k = 0; k < 5000; k++) {
          const next = rows.next();
          if (next.done) break;
          batch.push(next.value);
        }
        if (batch.length === 0) break;
        await client.query(itemSql, COLS.map((c) => batch.map((b) => b.item[c])));
        const labels = batch.flatMap((b) => b.labels.map((l) => [b.item.id as string, ws.id, l, b.item.created_at as number] as const));
        if (labels.length > 0) {
          await client.query('insert into inbox_item_labels (item_id, workspace_id, label, item_created_at) select * from unnest($1::text[], $2::text[], $3::text[], $4::int8[])', [
            labels.map((l) => l[0]), labels.map((l) => l[1]), labels.map((l) => l[2]), labels.map((l) => l[3]),
          ]);
        }
      }
    }
    for (const d of defs) await client.query(d.indexdef);
    // The dictionary of words the search completes the last word from, as the store keeps it (migration 0030).
    await client.query(`insert into inbox_search_terms (term) select word from ts_stat('select search_vector from inbox_items')
      where word !~ '^w[0-9a-f]{32}$' and length(word) >= 3 on conflict do nothing`);
    // As autovacuum would have by the time an inbox holds this much: statistics, and the visibility map that lets
    // an index that holds every column a query reads answer without visiting the table.
    await client.query('vacuum (analyze)');
  } finally {
    await client.end();
  }
}
