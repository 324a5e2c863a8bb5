import type { AppContext } from '../../context.js';
import { conflict } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { createWorkspace } from '../workspaces/service.js';
import { toAppError } from '../session/auth-calls.js';
import { addInstanceAdmin } from '../network-apps/admins.js';

export interface OwnerInput {
  name: string;
  email: string;
  password: string;
  workspaceName?: string;
  locale?: 'fr' | 'en';
  timezone?: string;
}

export async function needsOwner(ctx: AppContext): Promise<boolean> {
  const row = await ctx.store.db.selectFrom('user').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Creates an account that owns a new workspace. `signUp` performs the account creation so that the
 * HTTP route can keep the session cookies and the command line can do without them.
 */
export async function createOwner<T extends { user: { id: string; name: string; email: string } }>(
  ctx: AppContext,
  input: OwnerInput,
  signUp: () => Promise<T>,
  meta: { ip: string | null },
): Promise<T> {
  let result: T;
  try {
    result = await signUp();
  } catch (err) {
    throw toAppError(err);
  }
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    await createWorkspace(
      trx,
      result.user.id,
      { name: input.workspaceName ?? input.name, locale: input.locale, timezone: input.timezone },
      { ip: meta.ip, now },
    );
    // The person who installs Ruche administers the instance (its developer apps on the networks).
    await addInstanceAdmin(trx, result.user.id, now);
    await recordAudit(trx, { action: AuditAction.ownerCreated, actorId: result.user.id, ip: meta.ip }, now);
  });
  return result;
}

/** Only the first visitor may create the owner: a row in `leases` makes the check race-free. */
export async function claimSetup(ctx: AppContext): Promise<() => Promise<void>> {
  if (!(await needsOwner(ctx))) throw conflict('setup_done', 'Ruche already has an owner. Sign in instead.');
  try {
    await ctx.store.db
      .insertInto('leases')
      .values({ name: 'setup', holder: ctx.instanceId, expires_at: Number.MAX_SAFE_INTEGER })
      .execute();
  } catch {
    throw conflict('setup_done', 'Ruche already has an owner. Sign in instead.');
  }
  return async () => {
    await ctx.store.db.deleteFrom('leases').where('name', '=', 'setup').execute();
  };
}
