/**
 * What an author did on the network to an item already stored: removed it, or edited its text. A removal is
 * recorded beside the item (`removed_at`), which stays readable with its notes and replies but leaves the queue
 * of items to answer (inbox/filters.ts) and the figures of those asking for an answer; an edit replaces the
 * text and runs the analysis new items get (language, sentiment, toxicity, complaint, risk), so filters and
 * figures follow the words as they now stand. The moderation rules are not run again: what they did stays done.
 */
import type { AppContext } from '../../context.js';
import { announceInbox } from '../inbox/live.js';
import { recountInboxItems } from '../analytics/rollups/inbox-days.js';
import { workspaceAnalyzer } from '../moderation/workspace-analyzer.js';
import { cleanText, LIMITS } from './normalize.js';
import { riskOf, round, toxicityCategoryOf } from './risk.js';
import type { InboundAccount } from './pipeline.js';

/**
 * Marks the account's items with these network ids as removed on the network, at `at`. An item the team deleted
 * through Ruche is left as it is: the network's notice of that removal is the echo of our own action.
 */
export async function markRemoved(ctx: AppContext, account: InboundAccount, externalIds: readonly string[], at: number): Promise<string[]> {
  if (externalIds.length === 0) return [];
  const ids = await ctx.store.db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('inbox_items')
      .set({ removed_at: at })
      .where('workspace_id', '=', account.workspace_id).where('account_id', '=', account.id).where('network', '=', account.network)
      .where('external_id', 'in', [...externalIds]).where('removed_at', 'is', null)
      .where((eb) => eb.or([eb('moderation', 'is', null), eb('moderation', '!=', 'deleted')]))
      .returning('id')
      .execute();
    // An item its author removed no longer asks for an answer: its day of the inbox figures is counted again.
    await recountInboxItems(trx, rows.map((r) => r.id));
    return rows.map((r) => r.id);
  });
  if (ids.length > 0) await announceInbox(ctx, account.workspace_id, ids);
  return ids;
}

/**
 * Replaces a stored item's text with its edited words and analyses them again; returns the item's id, or null when
 * the item is not stored (the caller stores it as new) or already reads so.
 */
export async function applyEdit(ctx: AppContext, account: InboundAccount, edit: { externalId: string; text: string; at: number }): Promise<string | null | 'unchanged'> {
  const { db } = ctx.store;
  const row = await db.selectFrom('inbox_items as i').innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
    .select(['i.id', 'i.text', 'i.edited_at', 'a.followers'])
    .where('i.workspace_id', '=', account.workspace_id).where('i.account_id', '=', account.id).where('i.network', '=', account.network)
    .where('i.external_id', '=', edit.externalId)
    .executeTakeFirst();
  if (!row) return null;
  const text = cleanText(edit.text, LIMITS.text);
  // An older edit delivered late does not undo a newer one.
  if (row.text === text || (row.edited_at !== null && Number(row.edited_at) > edit.at)) return 'unchanged';
  const analysis = (await workspaceAnalyzer(ctx, account.workspace_id)).analyze(text);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('inbox_items').set({
      text, edited_at: edit.at,
      language: analysis.language.code,
      sentiment: analysis.sentiment.label, sentiment_score: round(analysis.sentiment.score),
      toxicity: round(analysis.toxicity.score), toxicity_category: toxicityCategoryOf(analysis),
      complaint: analysis.complaint.flagged ? 1 : 0, complaint_score: round(analysis.complaint.score),
      has_link: analysis.links.length > 0 ? 1 : 0,
      risk: riskOf(analysis, row.followers),
      analysis: JSON.stringify(analysis),
    }).where('id', '=', row.id).execute();
    // Complaints and negative items are counted by day: the edit may move this one in or out.
    await recountInboxItems(trx, [row.id]);
  });
  await announceInbox(ctx, account.workspace_id, [row.id]);
  return row.id;
}
