import crypto from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export const SlotsInput = z
  .array(z.strictObject({ weekday: z.number().int().min(0).max(6), minute: z.number().int().min(0).max(1439) }))
  .max(200);

/** An account's posting rhythm: the weekly times its queue fills ("next free slot"). */
export async function replaceSlots(db: Kysely<Database>, accountId: string, slots: z.infer<typeof SlotsInput>) {
  const unique = [...new Map(slots.map((s) => [`${s.weekday}:${s.minute}`, s])).values()];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('queue_slots').where('account_id', '=', accountId).execute();
    if (unique.length) {
      await trx.insertInto('queue_slots').values(unique.map((s) => ({ id: crypto.randomUUID(), account_id: accountId, ...s }))).execute();
    }
  });
}
