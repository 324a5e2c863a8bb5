import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ModerationRuleTable } from '../../store/inbox-schema.js';
import { RuleActionsSchema, RuleConditionsSchema, type RuleAction, type RuleConditions } from './rule-schema.js';

export type RuleRow = Selectable<ModerationRuleTable>;

export interface ModerationSettingsTable {
  workspace_id: string;
  rules_created_at: number;
  highlight_notified_week: string | null;
}
export type ModerationDb = Kysely<Database & { moderation_settings: ModerationSettingsTable }>;
export const moderationDb = (db: Kysely<Database>): ModerationDb => db.withTables<{ moderation_settings: ModerationSettingsTable }>();

export interface Rule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  stop: boolean;
  conditions: RuleConditions;
  actions: RuleAction[];
  createdAt: number;
  updatedAt: number;
}

/** A stored rule, read back through its schema: a row written by an older version with bad JSON is skipped. */
export function toRule(row: RuleRow): Rule | null {
  try {
    const conditions = RuleConditionsSchema.safeParse(JSON.parse(row.conditions));
    const actions = RuleActionsSchema.safeParse(JSON.parse(row.actions));
    if (!conditions.success || !actions.success) return null;
    return {
      id: row.id, name: row.name, position: Number(row.position), enabled: Number(row.enabled) === 1, stop: Number(row.stop) === 1,
      conditions: conditions.data, actions: actions.data, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
    };
  } catch {
    return null;
  }
}

const DEFAULTS: Record<'en' | 'fr', Array<{ name: string; conditions: RuleConditions; actions: RuleAction[]; stop: boolean }>> = {
  en: [
    { name: 'Hide hate', conditions: { toxicity: { category: 'hate', min: 0.9 } }, actions: [{ type: 'hide' }], stop: true },
    { name: 'Hide threats', conditions: { toxicity: { category: 'threat', min: 0.9 } }, actions: [{ type: 'hide' }], stop: true },
    { name: 'Review anything toxic', conditions: { toxicity: { category: 'any', min: 0.5 } }, actions: [{ type: 'review' }], stop: false },
  ],
  fr: [
    { name: 'Masquer la haine', conditions: { toxicity: { category: 'hate', min: 0.9 } }, actions: [{ type: 'hide' }], stop: true },
    { name: 'Masquer les menaces', conditions: { toxicity: { category: 'threat', min: 0.9 } }, actions: [{ type: 'hide' }], stop: true },
    { name: 'Relire tout contenu toxique', conditions: { toxicity: { category: 'any', min: 0.5 } }, actions: [{ type: 'review' }], stop: false },
  ],
};

/**
 * The workspace's rules in order. A workspace that never had rules gets the conservative defaults (hate or threats
 * above 0.9 hidden, anything toxic above 0.5 reviewed), written once and editable like any other rule.
 */
export async function workspaceRules(db: Kysely<Database>, workspaceId: string, now: number): Promise<Rule[]> {
  const mdb = moderationDb(db);
  const settings = await mdb.selectFrom('moderation_settings').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!settings) await createDefaults(db, workspaceId, now);
  const rows = await db.selectFrom('moderation_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('created_at').execute();
  return rows.map(toRule).filter((r): r is Rule => r !== null);
}

async function createDefaults(db: Kysely<Database>, workspaceId: string, now: number): Promise<void> {
  const ws = await db.selectFrom('workspaces').select(['locale']).where('id', '=', workspaceId).executeTakeFirst();
  if (!ws) return;
  await db.transaction().execute(async (trx) => {
    const claimed = await moderationDb(trx)
      .insertInto('moderation_settings')
      .values({ workspace_id: workspaceId, rules_created_at: now, highlight_notified_week: null })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .returning('workspace_id')
      .executeTakeFirst();
    if (!claimed) return;
    const rules = DEFAULTS[ws.locale === 'fr' ? 'fr' : 'en'];
    await trx
      .insertInto('moderation_rules')
      .values(rules.map((r, i) => ({
        id: crypto.randomUUID(), workspace_id: workspaceId, name: r.name, position: i, enabled: 1,
        conditions: JSON.stringify(r.conditions), actions: JSON.stringify(r.actions), stop: r.stop ? 1 : 0,
        created_by: 'ruche', created_at: now, updated_at: now,
      })))
      .execute();
  });
}
