import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { withAuthors, type ModeratedRow } from './items.js';

/** Below this, a text is not toxic enough to worry about, and may be a highlight. */
const CLEAN = 0.3;

/**
 * The week's most positive items, warmest first: those of advocates, or of everyone. Items moderation acted on,
 * and anything toxic, are left out.
 */
export async function weekHighlights(db: Kysely<Database>, workspaceId: string, range: { from: number; to: number }, opts: { advocatesOnly: boolean; limit: number }): Promise<ModeratedRow[]> {
  let q = db
    .selectFrom('inbox_items as i')
    .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
    .selectAll('i')
    .where('i.workspace_id', '=', workspaceId)
    .where('i.created_at', '>=', range.from)
    .where('i.created_at', '<', range.to)
    .where('i.sentiment', '=', 'positive')
    .where('i.toxicity', '<', CLEAN)
    .where('i.moderation', 'is', null)
    .where('a.blocked_at', 'is', null);
  if (opts.advocatesOnly) q = q.where('a.advocate', '=', 1);
  const items = await q.orderBy('i.sentiment_score', 'desc').orderBy('i.created_at', 'desc').limit(opts.limit).execute();
  return withAuthors(db, items);
}
