import type { AppContext } from '../../context.js';
import { notFound } from '../../http/errors.js';
import { timeOrderedUuid } from '../inbound/ids.js';
import { riskOf, round, toxicityCategoryOf } from '../inbound/risk.js';
import { announceInbox } from '../inbox/live.js';
import { workspaceAnalyzer } from '../moderation/workspace-analyzer.js';
import { openTicket } from '../tickets/open.js';

/**
 * Puts a mention in the inbox, where the team answers, assigns and moderates it: the same author, the same post,
 * one item however many times it is sent (the inbox is unique per network id). Returns the item's id.
 */
export async function mentionToInbox(ctx: AppContext, workspaceId: string, mentionId: string): Promise<string> {
  const { db } = ctx.store;
  const m = await db.selectFrom('listening_mentions as m').innerJoin('inbox_authors as a', 'a.id', 'm.author_id')
    .select(['m.id', 'm.network', 'm.uri', 'm.url', 'm.author_id', 'm.text', 'm.title', 'm.language', 'm.created_at', 'm.inbox_item_id', 'a.followers'])
    .where('m.id', '=', mentionId).where('m.workspace_id', '=', workspaceId).executeTakeFirst();
  if (!m) throw notFound('mention');
  if (m.inbox_item_id) {
    const still = await db.selectFrom('inbox_items').select('id').where('id', '=', m.inbox_item_id).executeTakeFirst();
    if (still) return still.id;
  }
  const now = ctx.clock.now();
  // The inbox keeps the full analysis, reasons included, which listening does not store: the text is read again.
  const analysis = (await workspaceAnalyzer(ctx, workspaceId)).analyze(m.text, { lang: m.language === 'fr' || m.language === 'en' ? m.language : undefined });
  const id = timeOrderedUuid(now);
  const itemId = await db.transaction().execute(async (trx) => {
    await trx.insertInto('inbox_items').values({
      id, workspace_id: workspaceId, account_id: null, network: m.network, external_id: m.uri, external_cid: null, kind: 'mention',
      author_id: m.author_id, text: m.text, url: m.url, parent_external_id: null, parent_cid: null, root_external_id: null, root_cid: null,
      thread_key: m.uri, post_id: null, context: '[]', language: analysis.language.code, sentiment: analysis.sentiment.label,
      sentiment_score: round(analysis.sentiment.score), toxicity: round(analysis.toxicity.score), toxicity_category: toxicityCategoryOf(analysis),
      complaint: analysis.complaint.flagged ? 1 : 0, complaint_score: round(analysis.complaint.score), has_link: analysis.links.length > 0 ? 1 : 0,
      risk: riskOf(analysis, m.followers === null ? null : Number(m.followers)), analysis: JSON.stringify(analysis), status: 'open', assignee_id: null,
      labels: '[]', moderation: null, rules_pending: 0, created_at: Number(m.created_at), received_at: now, first_reply_at: null, status_changed_at: now,
    }).onConflict((oc) => oc.columns(['workspace_id', 'network', 'external_id']).doNothing()).execute();
    const row = await trx.selectFrom('inbox_items').select('id').where('workspace_id', '=', workspaceId).where('network', '=', m.network).where('external_id', '=', m.uri).executeTakeFirstOrThrow();
    await trx.updateTable('listening_mentions').set({ inbox_item_id: row.id }).where('id', '=', m.id).execute();
    return row.id;
  });
  await announceInbox(ctx, workspaceId, [itemId]).catch(() => {});
  return itemId;
}

/** Sends a mention to a department as a ticket, through the inbox item that carries it. */
export async function mentionToTicket(ctx: AppContext, workspaceId: string, mentionId: string, department: string, userId: string, ip: string | null) {
  const inboxItemId = await mentionToInbox(ctx, workspaceId, mentionId);
  const ticketId = await openTicket(ctx, { workspaceId, itemId: inboxItemId, department, createdBy: userId, ip });
  return { ticketId, inboxItemId };
}
