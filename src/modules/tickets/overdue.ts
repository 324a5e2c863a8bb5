import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { notify } from '../notifications/notify.js';
import { excerpt } from '../notifications/excerpt.js';
import { departmentName } from './departments.js';
import { ownerOrManagers } from './answers.js';
import { TICKETS_OVERDUE } from './job-names.js';
import { addSystemLine } from './thread.js';

/**
 * Flags the tickets whose department let their due date pass without answering, and tells their owner (or the
 * community managers) once: a ticket is claimed by setting overdue_notified_at, so a rerun tells nobody again.
 */
export function overdueJob(ctx: AppContext) {
  return defineJob({
    type: TICKETS_OVERDUE,
    version: 1,
    schema: z.object({}),
    maxAttempts: 3,
    async run() {
      const { db } = ctx.store;
      const now = ctx.clock.now();
      const due = await db
        .selectFrom('tickets as t')
        .innerJoin('departments as d', 'd.id', 't.department_id')
        .innerJoin('inbox_items as i', 'i.id', 't.item_id')
        .innerJoin('workspaces as w', 'w.id', 't.workspace_id')
        .select(['t.id', 't.workspace_id', 't.owner_id', 'd.key', 'd.name', 'i.text', 'w.locale'])
        .where('t.status', '=', 'open')
        .where('t.due_at', '<', now)
        .where('t.overdue_notified_at', 'is', null)
        .limit(1000)
        .execute();
      let flagged = 0;
      for (const t of due) {
        await db.transaction().execute(async (trx) => {
          const claimed = await trx.updateTable('tickets').set({ overdue_notified_at: now }).where('id', '=', t.id).where('overdue_notified_at', 'is', null).executeTakeFirst();
          if (Number(claimed.numUpdatedRows) === 0) return;
          flagged++;
          await addSystemLine(trx, { ticketId: t.id, workspaceId: t.workspace_id, code: 'overdue', now });
          await notify(ctx, trx, {
            workspaceId: t.workspace_id, kind: 'ticket.overdue', recipients: await ownerOrManagers(trx, t.workspace_id, t.owner_id),
            object: { type: 'ticket', id: t.id }, params: { department: departmentName(t, t.locale), excerpt: excerpt(t.text) },
            dedupeKey: `ticket-overdue:${t.id}`, now,
          });
        });
      }
      return { flagged };
    },
  });
}
