import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { SocialAccountTable } from '../../store/schema.js';
import type { SocialAccountView } from '../../shared/api.js';
import type { AccountInfo, Credentials } from '../../connectors/types.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { startInboxBackfill } from '../inbound/poll-all.js';
import { startAnalyticsBackfill } from '../analytics/collect/backfill-job.js';

/**
 * Saves a connection: a new account, or the same account connected again (its credentials replaced, its
 * held posts free to go). Credentials are sealed before they touch the database.
 */
export async function saveConnection(
  ctx: AppContext,
  input: { workspaceId: string; userId: string; network: string; serviceUrl: string; credentials: Credentials; account: AccountInfo; ip: string | null },
): Promise<string> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const sealed = ctx.sealer.seal(JSON.stringify(input.credentials));
  const existing = await db
    .selectFrom('social_accounts')
    .select('id')
    .where('workspace_id', '=', input.workspaceId)
    .where('network', '=', input.network)
    .where('external_id', '=', input.account.id)
    .executeTakeFirst();
  const id = existing?.id ?? crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    if (existing) {
      await trx
        .updateTable('social_accounts')
        .set({ credentials: sealed, status: 'connected', status_message: null, handle: input.account.handle, display_name: input.account.displayName ?? input.account.handle, updated_at: now, last_ok_at: now })
        .where('id', '=', id)
        .execute();
    } else {
      const tz = await trx.selectFrom('workspaces').select('timezone').where('id', '=', input.workspaceId).executeTakeFirstOrThrow();
      await trx
        .insertInto('social_accounts')
        .values({
          id, workspace_id: input.workspaceId, network: input.network, external_id: input.account.id, handle: input.account.handle,
          display_name: input.account.displayName ?? input.account.handle, service_url: input.serviceUrl, credentials: sealed,
          status: 'connected', status_message: null, timezone: tz.timezone, created_by: input.userId, created_at: now, updated_at: now, last_ok_at: now,
        })
        .execute();
    }
    await recordAudit(trx, {
      action: AuditAction.accountConnected, workspaceId: input.workspaceId, actorId: input.userId,
      target: { type: 'account', id }, data: { network: input.network, handle: input.account.handle, reconnected: Boolean(existing) }, ip: input.ip,
    }, now);
  });
  ctx.log.info({ event: 'account.connected', workspaceId: input.workspaceId, accountId: id, network: input.network, userId: input.userId, reconnected: Boolean(existing) }, 'account connected');
  // The inbox starts reading at once (the last 7 days first); the recurring poll would also find it, a minute later.
  await startInboxBackfill(ctx, { id, workspace_id: input.workspaceId }).catch((err: unknown) =>
    ctx.log.warn({ event: 'inbound.backfill_not_queued', accountId: id, err }, 'the inbox backfill was not queued; the next poll starts it'),
  );
  // Its posts of the last 90 days and its counts; the routine collection would find them too, less promptly.
  await startAnalyticsBackfill(ctx, { id, workspace_id: input.workspaceId }).catch((err: unknown) =>
    ctx.log.warn({ event: 'analytics.backfill_not_queued', accountId: id, err }, 'the analytics backfill was not queued; the routine collection starts it'),
  );
  return id;
}

export async function listAccounts(ctx: AppContext, workspaceId: string): Promise<SocialAccountView[]> {
  const { db } = ctx.store;
  const accounts = await db.selectFrom('social_accounts').selectAll().where('workspace_id', '=', workspaceId).orderBy('network').orderBy('handle').execute();
  if (accounts.length === 0) return [];
  const ids = accounts.map((a) => a.id);
  const slots = await db.selectFrom('queue_slots').selectAll().where('account_id', 'in', ids).orderBy('weekday').orderBy('minute').execute();
  const counts = await db
    .selectFrom('post_targets')
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .select(['post_targets.account_id', 'posts.status', 'post_targets.status as target_status'])
    .where('post_targets.account_id', 'in', ids)
    .where((eb) => eb.or([eb('posts.status', '=', 'scheduled'), eb('post_targets.status', '=', 'failed')]))
    .execute();
  return accounts.map((a) => present(a, slots, counts));
}

function present(
  a: SocialAccountTable,
  slots: Array<{ account_id: string; weekday: number; minute: number }>,
  counts: Array<{ account_id: string; status: string; target_status: string }>,
): SocialAccountView {
  const mine = counts.filter((c) => c.account_id === a.id);
  return {
    id: a.id, network: a.network, handle: a.handle, displayName: a.display_name, serviceUrl: a.service_url,
    status: a.status, statusMessage: a.status_message, connectionWarning: a.connection_warning, timezone: a.timezone,
    lastOkAt: a.last_ok_at === null ? null : new Date(Number(a.last_ok_at)).toISOString(),
    tokenExpiresAt: a.token_expires_at === null ? null : new Date(Number(a.token_expires_at)).toISOString(),
    slots: slots.filter((s) => s.account_id === a.id).map((s) => ({ weekday: s.weekday, minute: s.minute })),
    failedPosts: mine.filter((c) => c.target_status === 'failed').length,
    scheduledPosts: mine.filter((c) => c.status === 'scheduled').length,
  };
}
