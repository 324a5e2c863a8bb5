import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Analysis, Analyzer } from '../../analysis/index.js';
import type { InboundCounterEvent, InboundItem, InboundPage } from '../../connectors/types.js';
import type { Database } from '../../store/schema.js';
import { workspaceAnalyzer } from '../moderation/workspace-analyzer.js';
import { applyRulesTo, rulesFor, rulesIdle, type CompiledRule } from '../moderation/apply.js';
import type { ModeratedRow } from '../moderation/items.js';
import { announceInbox } from '../inbox/live.js';
import { normalizeItem, type NormalizedItem } from './normalize.js';
import { langHint } from './risk.js';
import { alreadyStored, ourPosts, storeItems, type AnalysedItem, type Batch } from './store.js';
import { advanceSource, type InboxSource } from './sources.js';
import { countIngest } from './stats.js';

/** The connected account items are routed to. */
export interface InboundAccount {
  id: string;
  workspace_id: string;
  network: string;
}

export interface SetAsideItem {
  externalId: string | null;
  reason: string;
}

export interface IngestResult {
  /** Our ids of the items stored now; items already stored are not in it. */
  stored: string[];
  received: number;
  setAside: SetAsideItem[];
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/** Normalises each item; one that fails is set aside with its reason and the rest go on. */
function normalizeAll(raw: readonly InboundItem[], now: number, setAside: SetAsideItem[]): NormalizedItem[] {
  const out: NormalizedItem[] = [];
  for (const r of raw) {
    try {
      out.push(normalizeItem(r, now));
    } catch (err) {
      setAside.push({ externalId: typeof r?.ref?.id === 'string' ? r.ref.id.slice(0, 200) : null, reason: reasonOf(err) });
    }
  }
  return out;
}

/** Analyses each item, each distinct text once (a spam wave repeats itself); one that fails is set aside. */
function analyseAll(items: readonly NormalizedItem[], analyzer: Analyzer, setAside: SetAsideItem[]): AnalysedItem[] {
  const done = new Map<string, Analysis>();
  const out: AnalysedItem[] = [];
  for (const item of items) {
    try {
      const lang = langHint(item.languages);
      const key = `${lang ?? ''}\n${item.text}`;
      let analysis = done.get(key);
      if (!analysis) {
        analysis = analyzer.analyze(item.text, { lang });
        done.set(key, analysis);
      }
      out.push({ item, analysis });
    } catch (err) {
      setAside.push({ externalId: item.externalId, reason: reasonOf(err) });
    }
  }
  return out;
}

/**
 * When the batch as a whole fails to store, each item is tried again on its own (a savepoint each) so that one
 * bad item is set aside instead of holding back the page. A savepoint that cannot even roll back means the
 * database itself is gone: that error goes up, and the page is read again later.
 */
async function storeOneByOne(trx: Transaction<Database>, batch: Batch, setAside: SetAsideItem[]): Promise<ModeratedRow[]> {
  const stored = await storeItems(trx, { ...batch, items: [] });
  for (const a of batch.items) {
    await sql`savepoint inbound_item`.execute(trx);
    try {
      stored.push(...(await storeItems(trx, { ...batch, items: [a], counters: [] })));
      await sql`release savepoint inbound_item`.execute(trx);
    } catch (err) {
      await sql`rollback to savepoint inbound_item`.execute(trx);
      setAside.push({ externalId: a.item.externalId, reason: reasonOf(err) });
    }
  }
  return stored;
}

interface IngestOptions {
  counters?: readonly InboundCounterEvent[];
  /** The page's source and cursor, advanced in the same transaction as the items. */
  source?: { name: InboxSource; page: InboundPage };
}

async function ingest(ctx: AppContext, account: InboundAccount, raw: readonly InboundItem[], opts: IngestOptions): Promise<IngestResult> {
  const now = ctx.clock.now();
  const setAside: SetAsideItem[] = [];
  const normalized = normalizeAll(raw, now, setAside);
  // Items the store has (a poll reads its last page again) are not analysed again: read before the transaction.
  const known = normalized.length > 0 ? await alreadyStored(ctx.store.db, account.workspace_id, account.network, normalized.map((i) => i.externalId)) : new Set<string>();
  const fresh = normalized.filter((i) => !known.has(i.externalId));
  // The rules and our posts the items answer are read while the analysis runs (on PostgreSQL, both answers are
  // on their way meanwhile). A failed read of our posts is done again while storing.
  const rulesRead = fresh.length > 0 ? pageRules(ctx, account.workspace_id, now) : Promise.resolve(null);
  const postsRead = fresh.length > 0 ? ourPosts(ctx.store.db, account.workspace_id, fresh).catch(() => undefined) : Promise.resolve(undefined);
  const analyzer = fresh.length > 0 ? await workspaceAnalyzer(ctx, account.workspace_id) : null;
  const items = analyzer ? analyseAll(fresh, analyzer, setAside) : [];
  const [rules, posts] = await Promise.all([rulesRead, postsRead]);
  const batch: Batch = {
    workspaceId: account.workspace_id, accountId: account.id, network: account.network,
    items, counters: [...(opts.counters ?? [])], now, posts,
    ...(rules ? { rulesIdle: (row: ModeratedRow, analysis: Analysis) => rulesIdle(rules, row, analysis, now) } : {}),
  };
  const write = (oneByOne: boolean) =>
    ctx.store.db.transaction().execute(async (trx) => {
      const rows = oneByOne ? await storeOneByOne(trx, batch, setAside) : await storeItems(trx, batch);
      if (opts.source) await advanceSource(trx, account.id, opts.source.name, opts.source.page, now);
      return rows;
    });
  let stored: ModeratedRow[];
  try {
    stored = await write(false);
  } catch (err) {
    if (batch.items.length === 0) throw err;
    ctx.log.warn({ event: 'inbound.batch_failed', accountId: account.id, items: batch.items.length, err: reasonOf(err) }, 'storing a batch failed; trying its items one by one');
    stored = await write(true);
  }
  for (const s of setAside) {
    // The reason, never the text: network content stays out of the logs.
    ctx.log.warn({ event: 'inbound.set_aside', accountId: account.id, externalId: s.externalId, reason: s.reason }, 'inbound item set aside');
  }
  countIngest({ received: raw.length, stored: stored.length, setAside: setAside.length });
  if (stored.length > 0) await afterCommit(ctx, account.workspace_id, stored, rules, items);
  return { stored: stored.map((r) => r.item.id), received: raw.length, setAside };
}

/**
 * The workspace's rules, read once for the page: items none of them acts on are stored without the "rules
 * pending" mark. Rules that cannot be read leave every item marked, for the rules step or the sweep.
 */
async function pageRules(ctx: AppContext, workspaceId: string, now: number): Promise<CompiledRule[] | null> {
  try {
    return await rulesFor(ctx, workspaceId, now);
  } catch (err) {
    ctx.log.warn({ event: 'inbound.rules_unread', workspaceId, err: reasonOf(err) }, 'the rules could not be read before storing; they run after');
    return null;
  }
}

/**
 * Rules and live views see the items once they are stored; their failure does not undo the storing. The rules
 * run on the rows as stored (nothing is read back), for the items still marked "rules pending".
 */
async function afterCommit(ctx: AppContext, workspaceId: string, stored: ModeratedRow[], rules: CompiledRule[] | null, items: readonly AnalysedItem[]) {
  const pending = stored.filter((r) => r.item.rules_pending === 1);
  const made = new Map(items.map((a) => [a.item.externalId, a.analysis]));
  const analyses = new Map(pending.map((r) => [r.item.id, made.get(r.item.external_id)!]));
  const steps = [
    ['rules', () => applyRulesTo(ctx, workspaceId, pending, rules ?? undefined, analyses)],
    ['announce', () => announceInbox(ctx, workspaceId, stored.map((r) => r.item.id))],
  ] as const;
  for (const [step, run] of steps) {
    try {
      await run();
    } catch (err) {
      ctx.log.error({ event: `inbound.${step}_failed`, workspaceId, items: stored.length, err }, `inbound ${step} failed after storing`);
    }
  }
}

/**
 * Stores one page a connector read for `account` (readInbox / readMessages), its counters, and moves the
 * source's cursor past it in the same transaction: a crash repeats the page, never skips it. Then runs the rules
 * and tells the open inboxes.
 */
export function ingestPage(ctx: AppContext, account: InboundAccount, source: InboxSource, page: InboundPage): Promise<IngestResult> {
  return ingest(ctx, account, page.items, { counters: page.counters, source: { name: source, page } });
}

/** Stores items that arrived without a cursor (a live stream, a webhook): de-duplication makes overlap harmless. */
export function ingestItems(ctx: AppContext, account: InboundAccount, items: readonly InboundItem[], counters: readonly InboundCounterEvent[] = []): Promise<IngestResult> {
  return ingest(ctx, account, items, { counters });
}
