import { sql, type Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsModerationDayTable } from '../../../store/analytics-schema.js';
import { localDay } from '../time.js';
import { dayOfNumber, localDayNumberSql } from './days.js';
import { rollupZone } from './zone.js';
import { bumpVersions } from './version.js';

/** What the moderation figures read of a log row. */
export interface ModerationLogFigures {
  workspace_id: string;
  item_id: string | null;
  outcome: string;
  undoes: string | null;
  created_at: number;
}

/** A moderation action counts when it was done and undoes nothing (an undo is a row of its own). */
export const countsAsAction = (m: Pick<ModerationLogFigures, 'outcome' | 'undoes'>) => m.outcome === 'done' && m.undoes === null;

const KEY = ['workspace_id', 'day', 'account_id', 'network'] as const;

/**
 * Counts new rows of the moderation log in the daily moderation rollup, inside the transaction that appends them:
 * per workspace, local day, and the account and network of the item acted on ('' for an action on no item, or on
 * an item of no account). Moves on the analytics version of every row's workspace, counted or not (the log is a
 * figure), after reading their zones, as the other rollups' writers do.
 */
export async function countModerationActions(trx: Kysely<Database>, rows: readonly ModerationLogFigures[]): Promise<void> {
  if (rows.length === 0) return;
  const counted = rows.filter(countsAsAction);
  const zones = new Map<string, IANAZone>();
  for (const m of counted) if (!zones.has(m.workspace_id)) zones.set(m.workspace_id, await rollupZone(trx, m.workspace_id));
  await bumpVersions(trx, rows.map((m) => m.workspace_id));
  if (counted.length === 0) return;
  const itemIds = [...new Set(counted.flatMap((m) => (m.item_id ? [m.item_id] : [])))];
  const items = new Map<string, { account_id: string | null; network: string }>();
  for (let i = 0; i < itemIds.length; i += 500) {
    for (const it of await trx.selectFrom('inbox_items').select(['id', 'account_id', 'network']).where('id', 'in', itemIds.slice(i, i + 500)).execute()) items.set(it.id, it);
  }
  const days = new Map<string, AnalyticsModerationDayTable>();
  for (const m of counted) {
    const item = m.item_id ? items.get(m.item_id) : undefined;
    const row = { workspace_id: m.workspace_id, day: localDay(Number(m.created_at), zones.get(m.workspace_id)!), account_id: item?.account_id ?? '', network: item?.network ?? '' };
    const key = KEY.map((k) => row[k]).join('\u0000');
    const d = days.get(key) ?? days.set(key, { ...row, actions: 0 }).get(key)!;
    d.actions += 1;
  }
  // In key order, so that two writers lock the rows they share in the same order.
  const sorted = [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
  for (let i = 0; i < sorted.length; i += 500) {
    await trx.insertInto('analytics_moderation_days').values(sorted.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...KEY]).doUpdateSet((eb) => ({ actions: eb('analytics_moderation_days.actions', '+', eb.ref('excluded.actions')) })))
      .execute();
  }
}

/** A workspace's moderation rollup as its log gives it, grouped in SQL by local day. */
export async function moderationDaysFromRaw(db: Kysely<Database>, workspaceId: string, zone: IANAZone): Promise<AnalyticsModerationDayTable[]> {
  const range = await db.selectFrom('moderation_log').select((eb) => [eb.fn.min('created_at').as('lo'), eb.fn.max('created_at').as('hi')])
    .where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (range?.lo == null) return [];
  const day = localDayNumberSql(sql`m.created_at`, zone, Number(range.lo), Number(range.hi));
  const { rows } = await sql<Record<string, unknown>>`select ${day} as d, coalesce(i.account_id, '') as account_id, coalesce(i.network, '') as network, count(*) as actions
    from moderation_log m left join inbox_items i on i.id = m.item_id
    where m.workspace_id = ${workspaceId} and m.outcome = 'done' and m.undoes is null
    group by ${day}, coalesce(i.account_id, ''), coalesce(i.network, '')`.execute(db);
  return rows.map((r) => ({ workspace_id: workspaceId, day: dayOfNumber(r.d), account_id: String(r.account_id), network: String(r.network), actions: Number(r.actions) }));
}
