import { PostgresAdapter, type Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import { zoneOf } from '../time.js';

export const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The zone a write files its rows under: the workspace's, read in the writer's transaction. On PostgreSQL the read
 * holds a share lock on the workspace until commit, so a change of zone (which rebuilds the rollups in its own
 * transaction) waits for the writers that read the old zone, and the writers after it read the new one.
 */
export async function rollupZone(trx: Kysely<Database>, workspaceId: string): Promise<IANAZone> {
  const row = await trx.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId)
    .$if(isPostgres(trx), (q) => q.forShare()).executeTakeFirst();
  return zoneOf(row?.timezone ?? 'UTC');
}
