import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { watchOf } from './post-performance.js';
import type { AccountWatchFigures } from './types.js';

/**
 * Each account's viewing figures since it began (YouTube Analytics: minutes watched, subscribers gained), from its
 * latest reading that has them (totals: a later reading refused for a quota does not make them unknown), else from
 * the latest that says why they are missing. Accounts whose network gives none are left out.
 */
export async function accountWatchFigures(db: Kysely<Database>, workspaceId: string, scope: { accountId?: string; network?: string }): Promise<AccountWatchFigures[]> {
  const accounts = await db.selectFrom('social_accounts').select(['id', 'network', 'handle'])
    .where('workspace_id', '=', workspaceId)
    .$if(!!scope.accountId, (q) => q.where('id', '=', scope.accountId!))
    .$if(!!scope.network, (q) => q.where('network', '=', scope.network!))
    .orderBy('handle').execute();
  const out: AccountWatchFigures[] = [];
  for (const a of accounts) {
    // Walks the (account_id, taken_at) primary key from the newest reading.
    const latest = (known: boolean) => db.selectFrom('analytics_account_snapshots')
      .select(['taken_at', 'watch_minutes', 'followers_gained', 'watch_missing', 'watch_missing_why'])
      .where('account_id', '=', a.id)
      .where((eb) => (known ? eb.or([eb('watch_minutes', 'is not', null), eb('followers_gained', 'is not', null)]) : eb('watch_missing', 'is not', null)))
      .orderBy('taken_at', 'desc').limit(1).executeTakeFirst();
    const s = (await latest(true)) ?? (await latest(false));
    const watch = s ? watchOf(s) : null;
    if (!s || !watch) continue;
    out.push({
      accountId: a.id, network: a.network, handle: a.handle, takenAt: new Date(Number(s.taken_at)).toISOString(),
      minutes: watch.minutes, followersGained: watch.followersGained, missing: watch.missing, missingWhy: watch.missingWhy,
    });
  }
  return out;
}
