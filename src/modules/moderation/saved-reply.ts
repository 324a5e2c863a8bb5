import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { renderSaved } from '../inbox/saved-replies.js';
import { isAppError } from './errors.js';
import type { ModeratedRow } from './items.js';

/** A saved reply written out for the item a rule answers; null when the saved reply was deleted. */
export async function renderSavedReply(db: Kysely<Database>, workspaceId: string, savedId: string, row: ModeratedRow): Promise<string | null> {
  try {
    return await renderSaved(db, workspaceId, savedId, row.item.id);
  } catch (err) {
    if (isAppError(err) && err.status === 404) return null;
    throw err;
  }
}
