import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { notify } from '../notifications/notify.js';
import { membersWithPermission } from '../notifications/recipients.js';
import { NotificationKind } from '../notifications/kinds.js';
import { excerpt } from '../notifications/excerpt.js';
import { weekHighlights } from './highlights.js';
import { MODERATION_HIGHLIGHTS } from './job-names.js';
import { moderationDb } from './rules-store.js';
import { weekOf, weekRange } from './week.js';

/**
 * Once a week, tells the team of the past week's most positive message (an advocate's if there is one), in the
 * app. Runs hourly; each workspace is told once per week.
 */
export function moderationHighlightsJob(ctx: AppContext) {
  return defineJob({
    type: MODERATION_HIGHLIGHTS,
    version: 1,
    schema: z.object({}).passthrough(),
    maxAttempts: 3,
    run: async () => {
      const now = ctx.clock.now();
      const lastWeek = weekOf(now - 7 * 86_400_000);
      const range = weekRange(lastWeek)!;
      const mdb = moderationDb(ctx.store.db);
      const due = await mdb.selectFrom('moderation_settings').select('workspace_id')
        .where((eb) => eb.or([eb('highlight_notified_week', 'is', null), eb('highlight_notified_week', '<', lastWeek)])).limit(500).execute();
      let told = 0;
      for (const { workspace_id: ws } of due) {
        const [best] = (await weekHighlights(ctx.store.db, ws, range, { advocatesOnly: true, limit: 1 })).concat(
          await weekHighlights(ctx.store.db, ws, range, { advocatesOnly: false, limit: 1 }),
        );
        await ctx.store.db.transaction().execute(async (trx) => {
          if (best) {
            const recipients = await membersWithPermission(trx, ws, 'inbox.read');
            told += await notify(ctx, trx, {
              workspaceId: ws, kind: NotificationKind.moderationHighlight, recipients, object: { type: 'moderation_highlights', id: lastWeek },
              params: { handle: excerpt(best.author.handle, 80), excerpt: excerpt(best.item.text), week: lastWeek }, dedupeKey: `moderation.highlight:${ws}:${lastWeek}`, now,
            });
          }
          await moderationDb(trx).updateTable('moderation_settings').set({ highlight_notified_week: lastWeek }).where('workspace_id', '=', ws).execute();
        });
      }
      return { workspaces: due.length, told };
    },
  });
}
