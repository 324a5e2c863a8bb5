import type { Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsInboxDayTable } from '../../../store/analytics-schema.js';
import { localDay } from '../time.js';
import { dayStart, nextDay } from './days.js';
import { isPostgres, rollupZone } from './zone.js';
import { bumpVersions } from './version.js';

/** The columns of inbox_items that the inbox's figures count. */
export interface InboxFigures {
  workspace_id: string;
  account_id: string | null;
  network: string;
  kind: string;
  moderation: string | null;
  /** When its author removed it on the network: it no longer asks for an answer. */
  removed_at: number | null;
  first_reply_at: number | null;
  received_at: number;
  complaint: number;
  sentiment: string;
  created_at: number;
}

export const INBOX_FIGURE_COLUMNS = ['workspace_id', 'account_id', 'network', 'kind', 'moderation', 'removed_at', 'first_reply_at', 'received_at', 'complaint', 'sentiment', 'created_at'] as const;
export const INBOX_MEASURES = ['volume', 'asked', 'answered', 'replied', 'complaints', 'negative'] as const;
export type InboxMeasure = (typeof INBOX_MEASURES)[number];
export type InboxDayRow = AnalyticsInboxDayTable;
const KEY = ['workspace_id', 'day', 'account_id', 'network'] as const;

/**
 * Items that ask the team for an answer: replies, mentions and messages, less what moderation hid or deleted (an
 * item waiting for review still asks) and what its author removed on the network. One that was answered before
 * its author removed it still counts as asked and answered.
 */
export const asks = (i: Pick<InboxFigures, 'kind' | 'moderation' | 'removed_at' | 'first_reply_at'>) =>
  (i.kind === 'reply' || i.kind === 'mention' || i.kind === 'message') && (i.moderation === null || i.moderation === 'review')
  && (!i.removed_at || i.first_reply_at !== null);

/** How long an item waited for its first reply (ms, never below 0); null when it has none. */
export const waitOf = (i: Pick<InboxFigures, 'first_reply_at' | 'received_at'>) =>
  i.first_reply_at === null ? null : Math.max(0, Number(i.first_reply_at) - Number(i.received_at));

/** What a set of items adds to the inbox's figures: counts, and the waits of the replied ones, in order. */
export interface InboxCounts extends Record<InboxMeasure, number> {
  waits: number[];
}

export const emptyCounts = (): InboxCounts => ({ volume: 0, asked: 0, answered: 0, replied: 0, complaints: 0, negative: 0, waits: [] });

export function addItem(c: InboxCounts, i: InboxFigures) {
  const ask = asks(i);
  const wait = waitOf(i);
  c.volume += 1;
  c.asked += ask ? 1 : 0;
  c.answered += ask && wait !== null ? 1 : 0;
  c.replied += wait !== null ? 1 : 0;
  c.complaints += Number(i.complaint);
  c.negative += i.sentiment === 'negative' ? 1 : 0;
  if (wait !== null) c.waits.push(wait);
}

/** The rollup rows of items (those of no account are not counted): per workspace, local day, account and network. */
export function inboxRows(items: Iterable<InboxFigures>, zoneOf: (workspaceId: string) => IANAZone): InboxDayRow[] {
  const rows = new Map<string, { key: Omit<InboxDayRow, InboxMeasure | 'waits'>; counts: InboxCounts }>();
  for (const i of items) {
    if (i.account_id === null) continue;
    const day = localDay(Number(i.created_at), zoneOf(i.workspace_id));
    const k = `${i.workspace_id}\u0000${day}\u0000${i.account_id}\u0000${i.network}`;
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { key: { workspace_id: i.workspace_id, day, account_id: i.account_id, network: i.network }, counts: emptyCounts() }));
    addItem(row.counts, i);
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, { key, counts }]) => ({ ...key, ...counts, waits: JSON.stringify(counts.waits.sort((a, b) => a - b)) }));
}

/**
 * Counts new items in the rollup, inside the transaction that stores them. Items arrive without a reply: their
 * counts are added. An item stored with its reply already (an import) changes its day's list of waits, which is
 * counted again from the items.
 */
export async function countInboxItems(trx: Kysely<Database>, items: readonly InboxFigures[]): Promise<void> {
  const zones = new Map<string, IANAZone>();
  for (const i of items) if (!zones.has(i.workspace_id)) zones.set(i.workspace_id, await rollupZone(trx, i.workspace_id));
  const unanswered = inboxRows(items.filter((i) => i.first_reply_at === null), (w) => zones.get(w)!);
  const counted = items.filter((i) => i.account_id !== null);
  if (counted.length) await bumpVersions(trx, counted.map((i) => i.workspace_id));
  for (let i = 0; i < unanswered.length; i += 500) {
    await trx.insertInto('analytics_inbox_days').values(unanswered.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...KEY]).doUpdateSet((eb) => Object.fromEntries(INBOX_MEASURES.map((k) => [k, eb(`analytics_inbox_days.${k}`, '+', eb.ref(`excluded.${k}`))])) as never))
      .execute();
  }
  const answered = items.filter((i) => i.first_reply_at !== null && i.account_id !== null);
  if (answered.length) await recountDays(trx, answered.map((i) => ({ ...i, account_id: i.account_id! })), zones);
}

/**
 * Counts again, from the items themselves, the days of these items after a change to them (moderation, first
 * reply).
 */
export async function recountInboxItems(trx: Kysely<Database>, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const items = await trx.selectFrom('inbox_items').select(['workspace_id', 'account_id', 'network', 'created_at'])
    .where('id', 'in', [...new Set(itemIds)]).where('account_id', 'is not', null).execute();
  const zones = new Map<string, IANAZone>();
  for (const i of items) if (!zones.has(i.workspace_id)) zones.set(i.workspace_id, await rollupZone(trx, i.workspace_id));
  await recountDays(trx, items.map((i) => ({ ...i, account_id: i.account_id!, created_at: Number(i.created_at) })), zones);
}

/**
 * On PostgreSQL each day's row is locked before it is counted, so that the count starts after the writers that
 * held it committed, and sees their changes.
 */
async function recountDays(trx: Kysely<Database>, items: ReadonlyArray<{ workspace_id: string; account_id: string; network: string; created_at: number }>, zones: Map<string, IANAZone>) {
  const buckets = new Map<string, { workspace_id: string; account_id: string; network: string; day: string }>();
  for (const i of items) {
    const day = localDay(Number(i.created_at), zones.get(i.workspace_id)!);
    buckets.set(`${i.workspace_id}\u0000${day}\u0000${i.account_id}\u0000${i.network}`, { workspace_id: i.workspace_id, account_id: i.account_id, network: i.network, day });
  }
  await bumpVersions(trx, [...buckets.values()].map((b) => b.workspace_id));
  for (const [, b] of [...buckets.entries()].sort(([a], [c]) => (a < c ? -1 : 1))) {
    const zone = zones.get(b.workspace_id)!;
    if (isPostgres(trx)) {
      await trx.insertInto('analytics_inbox_days').values({ ...b, ...emptyCounts(), waits: '[]' }).onConflict((oc) => oc.columns([...KEY]).doNothing()).execute();
      await trx.selectFrom('analytics_inbox_days').select('volume').where('workspace_id', '=', b.workspace_id).where('day', '=', b.day)
        .where('account_id', '=', b.account_id).where('network', '=', b.network).forUpdate().execute();
    }
    const items = await trx.selectFrom('inbox_items').select([...INBOX_FIGURE_COLUMNS])
      .where('workspace_id', '=', b.workspace_id).where('account_id', '=', b.account_id).where('network', '=', b.network)
      .where('created_at', '>=', dayStart(b.day, zone)).where('created_at', '<', dayStart(nextDay(b.day), zone)).execute();
    const [row] = inboxRows(items.map((i) => ({ ...i, created_at: Number(i.created_at) })), () => zone);
    if (!row) {
      await trx.deleteFrom('analytics_inbox_days').where('workspace_id', '=', b.workspace_id).where('day', '=', b.day)
        .where('account_id', '=', b.account_id).where('network', '=', b.network).execute();
    } else {
      const { workspace_id: _w, day: _d, account_id: _a, network: _n, ...counts } = row;
      await trx.insertInto('analytics_inbox_days').values(row).onConflict((oc) => oc.columns([...KEY]).doUpdateSet(counts)).execute();
    }
  }
}
