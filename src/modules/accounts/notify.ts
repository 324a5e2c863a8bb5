import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { notify } from '../notifications/notify.js';
import { NotificationKind } from '../notifications/kinds.js';
import { excerpt } from '../notifications/excerpt.js';
import { membersWithPermission } from '../notifications/recipients.js';

/** An account just stopped working: the members who may connect accounts are asked to reconnect it. */
export async function tellReconnect(
  ctx: AppContext,
  db: Kysely<Database>,
  account: { id: string; workspace_id: string; handle: string; network: string },
  reason: string,
  now: number,
) {
  await notify(ctx, db, {
    workspaceId: account.workspace_id,
    kind: NotificationKind.accountReconnect,
    recipients: await membersWithPermission(db, account.workspace_id, 'connections.manage'),
    object: { type: 'account', id: account.id },
    params: { handle: excerpt(account.handle, 100), network: account.network, reason: excerpt(reason, 200) },
    now,
  });
}
