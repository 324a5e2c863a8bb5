import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** How long a change's key is remembered: Meta retries a failed delivery for up to 36 hours. */
export const REPLAY_WINDOW_MS = 7 * 86_400_000;

/** The keys among `keys` not received before. */
export async function unseen(db: Kysely<Database>, keys: string[], now: number): Promise<Set<string>> {
  const fresh = new Set(keys);
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('webhook_deliveries').select('key')
      .where('key', 'in', keys.slice(i, i + 500)).where('expires_at', '>', now).execute();
    for (const r of rows) fresh.delete(r.key);
  }
  return fresh;
}

/** Remembers keys once their changes are stored; a key remembered by another run stays as it is. */
export async function remember(db: Kysely<Database>, keys: string[], now: number): Promise<void> {
  for (let i = 0; i < keys.length; i += 200) {
    const rows = keys.slice(i, i + 200).map((key) => ({ key, received_at: now, expires_at: now + REPLAY_WINDOW_MS }));
    await db.insertInto('webhook_deliveries').values(rows).onConflict((oc) => oc.column('key').doUpdateSet({ expires_at: now + REPLAY_WINDOW_MS })).execute();
  }
}

/** Forgets keys past their window (a few at a time, from each delivery's job). */
export async function forgetExpired(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('expires_at', '<=', now).execute();
}
