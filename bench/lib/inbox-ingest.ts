import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AppContext } from '../../src/context.js';
import type { Capability, Connector, InboundItem, InboundPage } from '../../src/connectors/types.js';
import { ingestPage } from '../../src/modules/inbound/pipeline.js';
import { readerFor } from '../../src/modules/inbound/poll-job.js';
import { ensureSource } from '../../src/modules/inbound/sources.js';
import { workspaceAnalyzer } from '../../src/modules/moderation/workspace-analyzer.js';
import { workspaceRules } from '../../src/modules/moderation/rules-store.js';

export interface InboxIngestOptions {
  /** Items the fake network holds per account. */
  items?: number;
  pageSize?: number;
  /** Accounts read at the same time, as that many poll jobs on one worker. */
  concurrency?: number;
  /** Workspace to ingest into; a new one is made when absent. */
  workspaceId?: string;
}

export interface InboxIngestFigures {
  items: number;
  stored: number;
  setAside: number;
  pages: number;
  concurrency: number;
  seconds: number;
  itemsPerSecond: number;
  /** Per second of this process's CPU time: what one core does when a loaded machine does not share it out. */
  itemsPerCpuSecond: number;
  /**
   * PostgreSQL: per second of this process's CPU time and the database server's together (all its processes on
   * this machine, other sessions' included, so never flattering). SQLite runs inside the process: the figure above.
   */
  itemsPerCpuSecondWithDatabase?: number;
  pageMs: { p50: number; p99: number };
}

// Replies as they come: thanks, questions, complaints, insults, in French and English, some with links.
const TEXTS = [
  'Thanks a lot, love the new version! {n}',
  'When will this be available in Canada? #question {n}',
  "Ma commande n'est jamais arrivée, service client nul, remboursez-moi {n}",
  'Super nouvelle, bravo à toute l’équipe 👏 {n}',
  'My order {n} arrived broken and nobody answers my emails. Very disappointed.',
  'Je ne comprends pas pourquoi le prix a augmenté, c’est inadmissible {n}',
  'Great thread, I learned something today {n}',
  '@brand is it possible to change my delivery address for order {n}?',
  'Merci pour la réponse rapide, problème réglé {n}',
  'Not sure about the new logo, the old one was better {n}',
  'Hâte de voir la suite, vous êtes au top {n}',
  'Does it work with the older model too? {n}',
  'Quelqu’un sait si le magasin de Lyon est ouvert dimanche ? {n}',
  'Check out my profile for free followers https://spam.example/{n}',
  'Third time I ask: where is my refund for order {n}?',
  'Love it, ordered two more for my family {n}',
  'Franchement décevant, la qualité a beaucoup baissé {n}',
  'This is the best customer service I have ever had {n}',
  // About one in ten is abuse, as a busy brand account gets.
  'You are a worthless idiot and I will kill you {n}',
  'Go back to your country, filthy immigrants {n}',
];
/** A network that answers at once: pages newest first, each item new, a tenth of each page read again (as polls do). */
function instantNetwork(account: string, total: number, pageSize: number, ourPosts: string[]): Connector {
  const authors = 2000;
  const item = (i: number): InboundItem => {
    const a = (i * 7919) % authors;
    const parent = i % 3 === 0 ? { id: ourPosts[i % ourPosts.length], cid: 'c' } : null;
    return {
      kind: i % 11 === 0 ? 'mention' : 'reply',
      ref: { id: `at://did:plc:${account}/app.bsky.feed.post/${i}`, cid: `cid${i}` },
      author: { id: `did:plc:author${a}`, handle: `author${a}.bsky.social`, displayName: `Author ${a}`, avatarUrl: null, followers: (a * 37) % 50_000, createdAt: null },
      text: TEXTS[i % TEXTS.length].replace('{n}', String(i)),
      createdAt: new Date(Date.now() - (total - i) * 1000).toISOString(),
      url: null, parent, root: parent, conversationId: null, quoted: null, languages: [], context: [],
    };
  };
  return {
    network: 'bluesky',
    capabilities: new Set<Capability>(['readInbox']),
    readInbox: async (cursor: string | null): Promise<InboundPage> => {
      const from = cursor === null ? 0 : Number(cursor);
      const to = Math.min(total, from + pageSize);
      const again = Math.max(0, from - Math.floor(pageSize / 10));
      const items: InboundItem[] = [];
      for (let i = again; i < to; i++) items.push(item(i));
      return { items, counters: [{ kind: 'like', id: `like-${account}-${from}`, createdAt: new Date().toISOString() }], cursor: String(to), more: to < total, reachedBack: items[items.length - 1]?.createdAt ?? null };
    },
  } as unknown as Connector;
}

/** CPU seconds used so far by the processes named postgres on this machine (Linux), or null where it cannot tell. */
function postgresServerCpu(): number | null {
  try {
    let ticks = 0;
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
        // After the name: state is field 3; utime and stime are fields 14 and 15, in clock ticks (100 a second).
        const fields = stat.slice(close + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // A process that ended while the list was read.
      }
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

async function seed(ctx: AppContext, workspaceId: string | undefined, accounts: number) {
  const { db } = ctx.store;
  const now = Date.now();
  const ws = workspaceId ?? crypto.randomUUID();
  if (!workspaceId) await db.insertInto('workspaces').values({ id: ws, name: 'Ingest bench', timezone: 'UTC', locale: 'en', created_by: 'bench', created_at: now }).execute();
  const rows = Array.from({ length: accounts }, (_, i) => ({
    id: crypto.randomUUID(), workspace_id: ws, network: 'bluesky', external_id: `did:plc:bench${i}-${now}`, handle: `bench${i}`, display_name: `Bench ${i}`,
    service_url: 'http://127.0.0.1', credentials: ctx.sealer.seal(JSON.stringify({ network: 'bluesky', account: `bench${i}` })),
    status: 'connected' as const, status_message: null, timezone: 'UTC', created_by: 'bench', created_at: now, updated_at: now, last_ok_at: null,
  }));
  await db.insertInto('social_accounts').values(rows).execute();
  // Some published posts of ours, so a third of the replies link to one.
  const posts = Array.from({ length: 20 }, (_, i) => ({ id: crypto.randomUUID(), external: `at://did:plc:us/app.bsky.feed.post/${now}-${i}` }));
  await db.insertInto('posts').values(posts.map((p, i) => ({
    id: p.id, workspace_id: ws, author_id: 'bench', status: 'published', body: `Post ${i}`, thread: '[]', labels: '[]', language: 'en',
    campaign_id: null, scheduled_at: now, version: 1, created_at: now, updated_at: now, published_at: now,
  }))).execute();
  await db.insertInto('post_targets').values(posts.map((p, i) => ({
    id: crypto.randomUUID(), post_id: p.id, account_id: rows[i % rows.length].id, body: null, status: 'published', external_id: p.external, attempts: 1, updated_at: now,
  }))).execute();
  return { workspaceId: ws, accounts: rows, ourPosts: posts.map((p) => p.external) };
}

/**
 * Items per second through the inbound path on one process: fetch a page from a network that answers at once,
 * normalise, de-duplicate, analyse, store (one transaction per page, cursor included), then the workspace's
 * rules and the live announcement, exactly as the poll job does.
 */
export async function measureInboxIngest(ctx: AppContext, options: InboxIngestOptions = {}): Promise<InboxIngestFigures> {
  const perAccount = options.items ?? 20_000;
  const pageSize = options.pageSize ?? 100;
  const concurrency = options.concurrency ?? 1;
  const { workspaceId, accounts, ourPosts } = await seed(ctx, options.workspaceId, concurrency);
  const pageMs: number[] = [];
  let stored = 0;
  let setAside = 0;
  // The analyzer's models load once per process, and a workspace's default rules are written on first use: both
  // before the clock starts.
  await workspaceAnalyzer(ctx, workspaceId);
  await workspaceRules(ctx.store.db, workspaceId, Date.now());
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const server0 = ctx.store.dialect === 'postgres' ? postgresServerCpu() : null;
  await Promise.all(accounts.map(async (row, a) => {
    const account = { id: row.id, workspace_id: workspaceId, network: 'bluesky' };
    await ensureSource(ctx.store.db, account, 'notifications', Date.now());
    const read = readerFor(instantNetwork(`bench${a}`, perAccount, pageSize, ourPosts), 'notifications')!;
    let cursor: string | null = null;
    for (;;) {
      const t = performance.now();
      const page: InboundPage = await read(cursor, { since: new Date(0).toISOString() });
      const result = await ingestPage(ctx, account, 'notifications', page);
      pageMs.push(performance.now() - t);
      stored += result.stored.length;
      setAside += result.setAside.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = server0 === null ? null : postgresServerCpu();
  const server = server0 === null || server1 === null ? null : server1 - server0;
  pageMs.sort((x, y) => x - y);
  const at = (q: number) => Math.round(pageMs[Math.min(pageMs.length - 1, Math.floor(q * pageMs.length))] * 10) / 10;
  const items = perAccount * accounts.length;
  return { items, stored, setAside, pages: pageMs.length, concurrency, seconds: Math.round(seconds * 100) / 100, itemsPerSecond: Math.round(items / seconds), itemsPerCpuSecond: Math.round(items / ((cpu.user + cpu.system) / 1e6)),
    ...(server === null ? {} : { itemsPerCpuSecondWithDatabase: Math.round(items / ((cpu.user + cpu.system) / 1e6 + server)) }),
    pageMs: { p50: at(0.5), p99: at(0.99) } };
}
