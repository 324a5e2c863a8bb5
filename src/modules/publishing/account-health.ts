import type { AppContext } from '../../context.js';
import { createBatcher, type Batcher } from '../../jobs/index.js';

// How stale "last worked at" may get before a success writes it again.
export const HEALTH_REFRESH_MS = 5 * 60_000;
const IN_SLICE = 1000;

interface Health {
  marks: Batcher<string>;
  /** Per process: when this worker last marked each account, so a burst's posts write it once. */
  markedAt: Map<string, number>;
}

const byContext = new WeakMap<AppContext, Health>();

/**
 * A send to the account worked: it is marked connected, worked just now. The first posts of a burst's accounts
 * share one statement instead of one commit each. Rows another worker is marking at this very moment are skipped
 * rather than waited for (it writes the same), and rows already marked recently are left alone, so several
 * workers on one burst neither queue behind each other on the accounts' rows nor write them again.
 */
export async function markAccountWorked(ctx: AppContext, account: { id: string; status: string; last_ok_at: number | null }): Promise<void> {
  const now = ctx.clock.now();
  if (account.status === 'connected' && (account.last_ok_at ?? 0) >= now - HEALTH_REFRESH_MS) return;
  const health = healthOf(ctx);
  if ((health.markedAt.get(account.id) ?? -Infinity) > now - HEALTH_REFRESH_MS) return;
  health.markedAt.set(account.id, now);
  await health.marks.add(account.id);
}

function healthOf(ctx: AppContext): Health {
  let health = byContext.get(ctx);
  if (!health) byContext.set(ctx, (health = { marks: createBatcher((ids) => markWorked(ctx, ids)), markedAt: new Map() }));
  return health;
}

async function markWorked(ctx: AppContext, accountIds: string[]): Promise<void> {
  const { db, dialect } = ctx.store;
  const now = ctx.clock.now();
  const ids = [...new Set(accountIds)].sort();
  for (let i = 0; i < ids.length; i += IN_SLICE) {
    const slice = ids.slice(i, i + IN_SLICE);
    await db
      .updateTable('social_accounts')
      .set({ status: 'connected', status_message: null, last_ok_at: now })
      .where('id', 'in', (eb) => {
        const due = eb
          .selectFrom('social_accounts')
          .select('id')
          .where('id', 'in', slice)
          .where((w) => w.or([w('status', '!=', 'connected'), w('last_ok_at', 'is', null), w('last_ok_at', '<', now - HEALTH_REFRESH_MS)]));
        return dialect === 'postgres' ? due.orderBy('id').forUpdate().skipLocked() : due;
      })
      .execute();
  }
}

