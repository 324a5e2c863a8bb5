import { sql, type Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsInboxDayTable } from '../../../store/analytics-schema.js';
import { localDay } from '../time.js';
import { dayStart, nextDay } from './days.js';
import { isPostgres, rollupZone } from './zone.js';

/** The columns of inbox_items that the inbox's figures count. */
export interface InboxFigures {
  workspace_id: string;
  account_id: string | null;
  network: string;
  kind: string;
  moderation: string | null;
  first_reply_at: number | null;
  complaint: number;
  sentiment: string;
  created_at: number;
}

export const INBOX_MEASURES = ['volume', 'asked', 'answered', 'replied', 'complaints', 'negative'] as const;
export type InboxMeasure = (typeof INBOX_MEASURES)[number];
export type InboxDayRow = AnalyticsInboxDayTable;
const KEY = ['workspace_id', 'day', 'account_id', 'network'] as const;

/**
 * Items that ask the team for an answer: replies, mentions and messages, less what moderation hid or deleted (an
 * item waiting for review still asks). The SQL form is what the figures' queries over raw items use.
 */
export const asks = (i: Pick<InboxFigures, 'kind' | 'moderation'>) =>
  (i.kind === 'reply' || i.kind === 'mention' || i.kind === 'message') && (i.moderation === null || i.moderation === 'review');
export const ASKS_SQL = sql`i.kind in ('reply', 'mention', 'message') and (i.moderation is null or i.moderation = 'review')`;

/** The per-item sums in SQL over inbox_items aliased i, named as the rollup's columns. */
export const INBOX_SUMS_SQL = sql`count(*) as volume, sum(case when ${ASKS_SQL} then 1 else 0 end) as asked,
  sum(case when ${ASKS_SQL} and i.first_reply_at is not null then 1 else 0 end) as answered,
  sum(case when i.first_reply_at is not null then 1 else 0 end) as replied,
  sum(i.complaint) as complaints, sum(case when i.sentiment = 'negative' then 1 else 0 end) as negative`;

function addItem(rows: Map<string, InboxDayRow>, i: InboxFigures, zone: IANAZone) {
  if (i.account_id === null) return;
  const day = localDay(Number(i.created_at), zone);
  const key = `${i.workspace_id}\u0000${day}\u0000${i.account_id}\u0000${i.network}`;
  let row = rows.get(key);
  if (!row) rows.set(key, (row = { workspace_id: i.workspace_id, day, account_id: i.account_id, network: i.network, volume: 0, asked: 0, answered: 0, replied: 0, complaints: 0, negative: 0 }));
  const ask = asks(i);
  row.volume += 1;
  row.asked += ask ? 1 : 0;
  row.answered += ask && i.first_reply_at !== null ? 1 : 0;
  row.replied += i.first_reply_at !== null ? 1 : 0;
  row.complaints += Number(i.complaint);
  row.negative += i.sentiment === 'negative' ? 1 : 0;
}

/** Counts new items (those of no account do not count) in the rollup, inside the transaction that stores them. */
export async function countInboxItems(trx: Kysely<Database>, items: readonly InboxFigures[]): Promise<void> {
  const rows = new Map<string, InboxDayRow>();
  const zones = new Map<string, IANAZone>();
  for (const i of items) {
    if (i.account_id === null) continue;
    let zone = zones.get(i.workspace_id);
    if (!zone) zones.set(i.workspace_id, (zone = await rollupZone(trx, i.workspace_id)));
    addItem(rows, i, zone);
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
  for (let i = 0; i < sorted.length; i += 500) {
    await trx.insertInto('analytics_inbox_days').values(sorted.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...KEY]).doUpdateSet((eb) => Object.fromEntries(INBOX_MEASURES.map((k) => [k, eb(`analytics_inbox_days.${k}`, '+', eb.ref(`excluded.${k}`))])) as never))
      .execute();
  }
}

/**
 * Counts again, from the items themselves, the days of these items after a change to them (moderation, first
 * reply). On PostgreSQL each day's row is locked before it is counted, so the count starts after the writers that
 * held it committed and sees their changes.
 */
export async function recountInboxItems(trx: Kysely<Database>, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const items = await trx.selectFrom('inbox_items').select(['workspace_id', 'account_id', 'network', 'created_at'])
    .where('id', 'in', [...new Set(itemIds)]).where('account_id', 'is not', null).execute();
  const buckets = new Map<string, { workspace_id: string; account_id: string; network: string; day: string }>();
  const zones = new Map<string, IANAZone>();
  for (const i of items) {
    let zone = zones.get(i.workspace_id);
    if (!zone) zones.set(i.workspace_id, (zone = await rollupZone(trx, i.workspace_id)));
    const day = localDay(Number(i.created_at), zone);
    buckets.set(`${i.workspace_id}\u0000${day}\u0000${i.account_id}\u0000${i.network}`, { workspace_id: i.workspace_id, account_id: i.account_id!, network: i.network, day });
  }
  for (const [, b] of [...buckets.entries()].sort(([a], [c]) => (a < c ? -1 : 1))) {
    const zone = zones.get(b.workspace_id)!;
    const zero = { volume: 0, asked: 0, answered: 0, replied: 0, complaints: 0, negative: 0 };
    if (isPostgres(trx)) {
      await trx.insertInto('analytics_inbox_days').values({ ...b, ...zero }).onConflict((oc) => oc.columns([...KEY]).doNothing()).execute();
      await trx.selectFrom('analytics_inbox_days').select('volume').where('workspace_id', '=', b.workspace_id).where('day', '=', b.day)
        .where('account_id', '=', b.account_id).where('network', '=', b.network).forUpdate().execute();
    }
    const { rows } = await sql<Record<InboxMeasure, unknown>>`select ${INBOX_SUMS_SQL} from inbox_items i
      where i.workspace_id = ${b.workspace_id} and i.account_id = ${b.account_id} and i.network = ${b.network}
        and i.created_at >= ${dayStart(b.day, zone)} and i.created_at < ${dayStart(nextDay(b.day), zone)}`.execute(trx);
    const counts = Object.fromEntries(INBOX_MEASURES.map((k) => [k, Number(rows[0]?.[k] ?? 0)])) as Record<InboxMeasure, number>;
    if (counts.volume === 0) {
      await trx.deleteFrom('analytics_inbox_days').where('workspace_id', '=', b.workspace_id).where('day', '=', b.day)
        .where('account_id', '=', b.account_id).where('network', '=', b.network).execute();
    } else {
      await trx.insertInto('analytics_inbox_days').values({ ...b, ...counts }).onConflict((oc) => oc.columns([...KEY]).doUpdateSet(counts)).execute();
    }
  }
}
