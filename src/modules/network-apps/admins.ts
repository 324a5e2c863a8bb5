/**
 * The instance administrator: the person who installed Ruche and manages what belongs to the whole instance, not
 * to one workspace (the developer apps on the networks). The owner created at setup is one; an installer may name
 * more by e-mail in RUCHE_ADMIN_EMAILS (comma-separated), read at each request so a restart is enough.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { forbidden } from '../../http/errors.js';

const listedEmails = (): Set<string> =>
  new Set((process.env.RUCHE_ADMIN_EMAILS ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean));

export async function isInstanceAdmin(db: Kysely<Database>, user: { id: string; email: string }): Promise<boolean> {
  if (listedEmails().has(user.email.trim().toLowerCase())) return true;
  const row = await db.selectFrom('instance_admins').select('user_id').where('user_id', '=', user.id).executeTakeFirst();
  return !!row;
}

export async function requireInstanceAdmin(db: Kysely<Database>, user: { id: string; email: string }): Promise<void> {
  if (!(await isInstanceAdmin(db, user))) throw forbidden('Only the administrator of this Ruche instance can change its networks.');
}

/** Makes the owner created at setup the instance administrator; runs in the setup's transaction. */
export async function addInstanceAdmin(db: Kysely<Database>, userId: string, now: number): Promise<void> {
  const known = await db.selectFrom('instance_admins').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  if (!known) await db.insertInto('instance_admins').values({ user_id: userId, added_at: now }).execute();
}
