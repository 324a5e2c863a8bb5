import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import type { EnqueueItem } from '../../jobs/index.js';
import type { Analysis, Reason } from '../../analysis/index.js';
import { compileConditions, type Predicate, type RuleSubject } from './conditions.js';
import { loadItems, reasonsOf, subjectOf, type ModeratedRow } from './items.js';
import { appendLog, appendLogs, type LogEntry } from './log.js';
import { queueReview, queueReviews } from './reviews.js';
import { toRule, workspaceRules, type Rule } from './rules-store.js';
import { isNetworkAction, type RuleAction } from './rule-schema.js';
import { addLabel, assignItem, escalate } from './local-actions.js';
import { MODERATION_ACT, MODERATION_DELIVER, MODERATION_PRIORITY } from './job-names.js';
import type { ActPayload } from './act-job.js';
import type { DeliverPayload } from './deliver-job.js';
import { openTicketFor } from '../tickets/open.js';
import { queueReply } from '../inbox/replies.js';
import { renderSavedReply } from './saved-reply.js';

export interface CompiledRule {
  rule: Rule;
  test: Predicate;
}

export const compileRules = (rules: Rule[]): CompiledRule[] =>
  rules.filter((r) => r.enabled).map((rule) => ({ rule, test: compileConditions(rule.conditions) }));

/** The rules that match an item, in order, up to the first matching rule that stops the others. */
export function matchingRules(rules: CompiledRule[], row: ModeratedRow, now: number): Rule[] {
  return rulesMatching(rules, subjectOf(row, now));
}

function rulesMatching(rules: CompiledRule[], subject: RuleSubject): Rule[] {
  const out: Rule[] = [];
  for (const { rule, test } of rules) {
    if (!test(subject)) continue;
    out.push(rule);
    if (rule.stop) break;
  }
  return out;
}

/** An action a rule asks for on one item. */
interface Planned {
  rule: Rule;
  action: RuleAction;
  row: ModeratedRow;
  /** The analysis reasons logged and sent with the action, read once per item. */
  reasons: Reason[];
}

/**
 * Actions that open transactions of their own (a ticket, a reply on the network): done item by item, after the
 * page's other actions. Everything else is written for the whole page in one transaction.
 */
const ALONE = new Set<RuleAction['type']>(['reply', 'ticket']);

/** Workspaces whose rules this process saw set up: their default rules, written on first use, exist. */
const rulesSetUp = new Set<string>();

/**
 * The workspace's enabled rules, compiled, for one page of items. Once a workspace's rules are set up, they are
 * read in one statement (workspaceRules would first check, on every page, that the defaults were written).
 */
export async function rulesFor(ctx: AppContext, workspaceId: string, now: number): Promise<CompiledRule[]> {
  if (!rulesSetUp.has(workspaceId)) {
    const rules = await workspaceRules(ctx.store.db, workspaceId, now);
    if (rules.length > 0) rulesSetUp.add(workspaceId);
    return compileRules(rules);
  }
  const rows = await ctx.store.db.selectFrom('moderation_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('created_at').execute();
  return compileRules(rows.map(toRule).filter((r): r is Rule => r !== null));
}

/**
 * True when no rule asks anything of an item about to be stored: the pipeline then stores it without the "rules
 * pending" mark, its rules having run (to nothing) on the very row it commits. Judged on the analysis as made,
 * without reading back the row's JSON copy of it. A rule that cannot be evaluated counts as work to do, so the
 * item goes through the rules step and its log.
 */
export function rulesIdle(rules: CompiledRule[], row: ModeratedRow, analysis: Analysis, now: number): boolean {
  try {
    return rulesMatching(rules, subjectWith(row, analysis, now)).every((rule) => rule.actions.length === 0);
  } catch {
    return false;
  }
}

const CATEGORIES = ['insult', 'hate', 'threat', 'sexual', 'spam'] as const;

/** subjectOf for a row whose analysis is at hand: the same subject, the analysis taken as it is rather than parsed. */
function subjectWith(row: ModeratedRow, analysis: Analysis, now: number): RuleSubject {
  const categories = { insult: 0, hate: 0, threat: 0, sexual: 0, spam: 0 };
  for (const c of CATEGORIES) {
    const v: unknown = analysis.toxicity.categories[c];
    if (typeof v === 'number' && Number.isFinite(v)) categories[c] = v;
  }
  const code = analysis.language.code;
  return {
    ...subjectOf({ item: { ...row.item, analysis: '{}' }, author: row.author }, now),
    language: typeof code === 'string' && code !== 'und' ? code : row.item.language,
    categories,
  };
}

/**
 * Runs the workspace's enabled rules, in order, on items stored by the inbound pipeline (read back by id: the
 * sweep's path), and carries out their actions (or sends them to the review queue). See applyRulesTo.
 */
export async function applyRules(ctx: AppContext, workspaceId: string, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const rows = await loadItems(ctx.store.db, workspaceId, itemIds);
  await applyRulesTo(ctx, workspaceId, rows);
  // Items gone since (deleted with their workspace's data) have nothing left to run.
  const gone = new Set(itemIds);
  for (const r of rows) gone.delete(r.item.id);
  if (gone.size > 0) await rulesRan(ctx.store.db, workspaceId, [...gone]);
}

/**
 * Runs the rules on rows as they were stored, after their commit, and takes their "rules pending" mark off once
 * that is done. Reviews, labels, assignments, escalations, the jobs for actions on the network and for messages
 * that leave Ruche, their log rows and the marks are written for the whole page in one transaction; tickets and
 * rule replies then item by item. Safe to call twice for the same items (the sweep after a crash): every effect
 * is keyed by item, rule and action, and one already there is neither done nor logged again. `compiled`: the
 * rules the pipeline judged the page with, so that both agree.
 */
export async function applyRulesTo(
  ctx: AppContext, workspaceId: string, rows: readonly ModeratedRow[], compiled?: CompiledRule[], analyses?: ReadonlyMap<string, Analysis>,
): Promise<void> {
  if (rows.length === 0) return;
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const rules = compiled ?? (await rulesFor(ctx, workspaceId, now));
  const together: Planned[] = [];
  const alone: Planned[] = [];
  for (const row of rows) {
    // The analysis as made, when the pipeline hands it over; else the row's JSON copy.
    const analysis = analyses?.get(row.item.id);
    const matched = rulesMatching(rules, analysis ? subjectWith(row, analysis, now) : subjectOf(row, now));
    if (matched.length === 0) continue;
    const reasons = analysis ? strongest(analysis.reasons) : reasonsFor(row);
    for (const rule of matched) {
      for (const action of rule.actions) (ALONE.has(action.type) ? alone : together).push({ rule, action, row, reasons });
    }
  }
  // An item waiting for a ticket or a reply keeps its mark until that is done too.
  const later = new Set(alone.map((p) => p.row.item.id));
  const settled = rows.map((r) => r.item.id).filter((id) => !later.has(id));
  const oneByOne: Planned[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const jobs: EnqueueItem[] = [];
      await carryOutTogether(ctx, trx, together, jobs, now);
      if (jobs.length > 0) await ctx.jobs.queue.enqueueMany(jobs, { transaction: trx });
      await rulesRan(trx, workspaceId, settled);
    });
  } catch (err) {
    // One bad write fails the page: each action is tried again on its own, so only the bad one is lost (and logged).
    ctx.log.warn({ err, workspaceId, actions: together.length }, 'moderation: a page of rule actions failed; trying them one by one');
    oneByOne.push(...together);
    for (const id of settled) later.add(id);
  }
  oneByOne.push(...alone);
  if (oneByOne.length === 0) return;
  const jobs: EnqueueItem[] = [];
  const replied = await repliedByRules(db, oneByOne);
  for (const p of oneByOne) {
    const { rule, action, row } = p;
    try {
      await carryOut(ctx, p, jobs, replied, now);
    } catch (err) {
      ctx.log.error({ err, ruleId: rule.id, itemId: row.item.id, action: action.type }, 'moderation: a rule action failed');
      await appendLog(db, {
        id: crypto.randomUUID(), workspaceId, itemId: row.item.id, authorId: row.author.id, actorId: null, ruleId: rule.id,
        action: action.type, outcome: 'failed', reasons: p.reasons, detail: err instanceof Error ? err.message : String(err),
      }, now);
    }
  }
  if (jobs.length > 0) await ctx.jobs.queue.enqueueMany(jobs);
  await rulesRan(db, workspaceId, [...later]);
}

/**
 * Takes the items' "rules pending" mark off once their rules ran (the sweep looks for items still marked). The
 * rows are found by id; the workspace is checked on each row found, written so that SQLite (which has no
 * statistics) cannot walk the whole workspace through one of its indexes instead of looking the ids up.
 */
async function rulesRan(db: Kysely<Database>, workspaceId: string, itemIds: readonly string[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += 500) {
    await db.updateTable('inbox_items').set({ rules_pending: 0 })
      .where('id', 'in', itemIds.slice(i, i + 500)).where(sql`coalesce(workspace_id, '')`, '=', workspaceId).where('rules_pending', '=', 1).execute();
  }
}

/** "item id, newline, rule:rule id" of the rule replies already queued for the planned items (a page run twice answers once). */
async function repliedByRules(db: Kysely<Database>, planned: readonly Planned[]): Promise<Set<string>> {
  const replies = planned.filter((p) => p.action.type === 'reply');
  const out = new Set<string>();
  for (let i = 0; i < replies.length; i += 500) {
    const part = replies.slice(i, i + 500);
    const rows = await db.selectFrom('inbox_replies').select(['item_id', 'author_id'])
      .where('item_id', 'in', [...new Set(part.map((p) => p.row.item.id))])
      .where('author_id', 'in', [...new Set(part.map((p) => `rule:${p.rule.id}`))])
      .execute();
    for (const r of rows) out.add(`${r.item_id}\n${r.author_id}`);
  }
  return out;
}

/** A page's actions but tickets and replies: a few statements for the reviews, one for the log rows, jobs queued. */
async function carryOutTogether(ctx: AppContext, trx: Kysely<Database>, planned: Planned[], jobs: EnqueueItem[], now: number): Promise<void> {
  const logs: LogEntry[] = [];
  const log = ({ rule, action, row, reasons }: Planned, detail: string | null = null) =>
    logs.push({
      id: crypto.randomUUID(), workspaceId: row.item.workspace_id, itemId: row.item.id, authorId: row.author.id, actorId: null, ruleId: rule.id,
      action: action.type, outcome: 'done', reasons, detail,
    });
  const reviews = planned.filter((p) => p.action.type === 'review');
  const requests = reviews.map(({ rule, row }) => ({
    workspaceId: row.item.workspace_id, itemId: row.item.id, ruleId: rule.id, action: 'hide', reason: 'uncertain' as const, risk: Number(row.item.risk),
  }));
  const queued = await queueReviews(trx, requests, now);
  reviews.forEach((p, i) => { if (queued.has(requests[i])) log(p); });
  for (const p of planned) {
    const { rule, action, row } = p;
    if (action.type === 'label' && (await addLabel(trx, row.item.workspace_id, row.item.id, action.label))) log(p, action.label);
    if (action.type === 'assign' && row.item.assignee_id !== action.userId && (await assignItem(trx, row.item.workspace_id, row.item.id, action.userId))) log(p, action.userId);
    if (action.type === 'escalate' && (await escalate(ctx, trx, row, rule, now)) > 0) log(p);
    const job = jobFor(p);
    if (job) jobs.push(job);
  }
  await appendLogs(trx, logs, now);
}

/** The job that carries out an action on the network or sends a message out of Ruche; null for other actions. */
function jobFor({ rule, action, row, reasons }: Planned): EnqueueItem | null {
  const { item, author } = row;
  const ws = item.workspace_id;
  const key = `${item.id}:${rule.id}:${action.type}`;
  if (isNetworkAction(action.type)) {
    if (action.type === 'block' && author.blocked_at !== null) return null;
    if (action.type === 'mute' && author.muted_at !== null) return null;
    const payload: ActPayload = {
      logId: crypto.randomUUID(), workspaceId: ws, itemId: item.id, action: action.type, ruleId: rule.id, actorId: null,
      reasons, note: action.type === 'report' ? (action.reason ?? rule.name) : '', undoes: null,
    };
    return { type: MODERATION_ACT, payload, idempotencyKey: `moderation.act:${key}`, workspaceId: ws, priority: MODERATION_PRIORITY };
  }
  if (action.type === 'email' || action.type === 'webhook') {
    const payload: DeliverPayload = { logId: crypto.randomUUID(), workspaceId: ws, itemId: item.id, ruleId: rule.id, kind: action.type, to: action.type === 'email' ? action.to : action.url };
    return { type: MODERATION_DELIVER, payload, idempotencyKey: `moderation.deliver:${key}:${payload.to}`, workspaceId: ws, priority: MODERATION_PRIORITY };
  }
  return null;
}

/** The reasons a log row and an action carry: the first eight that weigh for the verdict. */
const strongest = (reasons: readonly Reason[]) => (Array.isArray(reasons) ? reasons : []).filter((r) => r.weight > 0).slice(0, 8);

export const reasonsFor = (row: ModeratedRow) => strongest(reasonsOf(row.item));

async function carryOut(ctx: AppContext, p: Planned, jobs: EnqueueItem[], replied: Set<string>, now: number): Promise<void> {
  const db = ctx.store.db;
  const { rule, action, row, reasons } = p;
  const { item, author } = row;
  const ws = item.workspace_id;
  const log = (detail: string | null = null) =>
    appendLog(db, {
      id: crypto.randomUUID(), workspaceId: ws, itemId: item.id, authorId: author.id, actorId: null, ruleId: rule.id,
      action: action.type, outcome: 'done', reasons, detail,
    }, now);

  const job = jobFor(p);
  if (job) {
    jobs.push(job);
    return;
  }
  switch (action.type) {
    case 'review':
      if (await queueReview(db, { workspaceId: ws, itemId: item.id, ruleId: rule.id, action: 'hide', reason: 'uncertain', risk: Number(item.risk) }, now)) await log();
      return;
    case 'label':
      if (await addLabel(db, ws, item.id, action.label)) await log(action.label);
      return;
    case 'assign':
      if (item.assignee_id !== action.userId && (await assignItem(db, ws, item.id, action.userId))) await log(action.userId);
      return;
    case 'escalate':
      await db.transaction().execute(async (trx) => {
        if ((await escalate(ctx, trx, row, rule, now)) > 0) await log();
      });
      return;
    case 'reply': {
      if (replied.has(`${item.id}\nrule:${rule.id}`)) return;
      const body = await renderSavedReply(db, ws, action.savedReplyId, row);
      if (body === null) throw new Error('The saved reply no longer exists.');
      await queueReply(ctx, { workspaceId: ws, itemId: item.id, kind: 'reply', body, authorId: `rule:${rule.id}` });
      replied.add(`${item.id}\nrule:${rule.id}`);
      await log();
      return;
    }
    case 'ticket': {
      const ticket = await openTicketFor(ctx, { workspaceId: ws, itemId: item.id, department: action.department, createdBy: null, note: rule.name });
      if (ticket.created) await log(ticket.id);
      return;
    }
  }
}
