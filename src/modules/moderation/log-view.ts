import { z } from '@hono/zod-openapi';
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Connector } from '../../connectors/types.js';
import type { Database } from '../../store/schema.js';
import type { ModerationLogTable } from '../../store/inbox-schema.js';
import { openTarget, possibility, UNDO_OF, type AccountRow } from './network-actions.js';
import { ReasonView } from './presenters.js';
import { withAuthors } from './items.js';
import { actingNetwork } from './log.js';

type LogRow = Selectable<ModerationLogTable>;

export const LogEntryView = z
  .object({
    id: z.string(), itemId: z.string().nullable(), authorId: z.string().nullable(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    onNetwork: z.string().nullable().openapi({ description: 'The network where it was done, when done there rather than through Ruche (then no member acted)' }),
    rule: z.object({ id: z.string(), name: z.string() }).nullable(),
    action: z.string(), outcome: z.string(), reasons: z.array(z.union([ReasonView, z.string()])), detail: z.string().nullable(),
    undoes: z.string().nullable(), undoneBy: z.string().nullable(), undoable: z.boolean(),
    item: z.object({ id: z.string(), text: z.string(), network: z.string(), url: z.string().nullable() }).nullable(),
    author: z.object({ id: z.string(), handle: z.string(), displayName: z.string().nullable(), network: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('ModerationLogEntry');
export type LogEntryView = z.infer<typeof LogEntryView>;

function parseReasons(json: string): Array<z.infer<typeof ReasonView> | string> {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((r) => typeof r === 'string' || (r && typeof r === 'object')) : [];
  } catch {
    return [];
  }
}

/** Undos of these rows that succeeded or are still to run: a row undone once cannot be undone again. */
export async function undoneBy(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('moderation_log').select(['id', 'undoes']).where('undoes', 'in', ids).where('outcome', '=', 'done').execute();
  return new Map(rows.map((r) => [r.undoes!, r.id]));
}

/** Log rows as the log page shows them: who or which rule, on what, why, the outcome, and whether it can be undone. */
export async function presentLog(ctx: AppContext, rows: LogRow[]): Promise<LogEntryView[]> {
  const db = ctx.store.db;
  const ids = <K extends keyof LogRow>(k: K) => [...new Set(rows.map((r) => r[k]).filter((v): v is NonNullable<LogRow[K]> => v !== null))] as string[];
  const members = ids('actor_id').filter((id) => actingNetwork(id) === null);
  const [users, rules, items, undone] = await Promise.all([
    members.length ? db.selectFrom('user').select(['id', 'name']).where('id', 'in', members).execute() : [],
    ids('rule_id').length ? db.selectFrom('moderation_rules').select(['id', 'name']).where('id', 'in', ids('rule_id')).execute() : [],
    ids('item_id').length ? db.selectFrom('inbox_items').selectAll().where('id', 'in', ids('item_id')).execute() : [],
    undoneBy(db, rows.map((r) => r.id)),
  ]);
  const joined = new Map((await withAuthors(db, items)).map((r) => [r.item.id, r]));
  const authorIds = ids('author_id').filter((id) => ![...joined.values()].some((r) => r.author.id === id));
  const extraAuthors = authorIds.length ? await db.selectFrom('inbox_authors').selectAll().where('id', 'in', authorIds).execute() : [];
  const authors = new Map([...joined.values()].map((r) => [r.author.id, r.author]));
  for (const a of extraAuthors) authors.set(a.id, a);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  const connectors = new Map<string, { account: AccountRow | null; connector: Connector | null }>();

  const out: LogEntryView[] = [];
  for (const r of rows) {
    const row = r.item_id ? joined.get(r.item_id) : undefined;
    const author = r.author_id ? authors.get(r.author_id) : undefined;
    const undo = UNDO_OF[r.action];
    let undoable = false;
    if (undo && r.outcome === 'done' && !undone.has(r.id) && row) {
      undoable = (await possibility(db, undo, await openTarget(ctx, row.item, row.author, connectors))).ok;
    }
    out.push({
      id: r.id, itemId: r.item_id, authorId: r.author_id,
      actor: r.actor_id && actingNetwork(r.actor_id) === null ? { id: r.actor_id, name: userName.get(r.actor_id) ?? '' } : null,
      onNetwork: actingNetwork(r.actor_id),
      rule: r.rule_id ? { id: r.rule_id, name: ruleName.get(r.rule_id) ?? '' } : null,
      action: r.action, outcome: r.outcome, reasons: parseReasons(r.reasons), detail: r.detail, undoes: r.undoes,
      undoneBy: undone.get(r.id) ?? null, undoable,
      item: row ? { id: row.item.id, text: row.item.text, network: row.item.network, url: row.item.url } : null,
      author: author ? { id: author.id, handle: author.handle, displayName: author.display_name, network: author.network } : null,
      createdAt: new Date(Number(r.created_at)).toISOString(),
    });
  }
  return out;
}
