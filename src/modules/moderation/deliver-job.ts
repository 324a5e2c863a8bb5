import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, PermanentJobError } from '../../jobs/index.js';
import { excerpt } from '../notifications/excerpt.js';
import { categoriesOf, loadItems, reasonsOf, type ModeratedRow } from './items.js';
import { appendLog } from './log.js';
import { MODERATION_DELIVER } from './job-names.js';

export const DeliverPayload = z.object({
  logId: z.string().min(1),
  workspaceId: z.string().min(1),
  itemId: z.string().min(1),
  ruleId: z.string().min(1),
  kind: z.enum(['email', 'webhook']),
  /** An e-mail address or an http(s) URL, as the rule says. */
  to: z.string().min(1).max(2048),
});
export type DeliverPayload = z.infer<typeof DeliverPayload>;

const WEBHOOK_TIMEOUT_MS = 5_000;
const MAX_ATTEMPTS = 5;

/** A rule's e-mail or webhook about an item: sent from the worker, retried on passing trouble, logged once. */
export function moderationDeliverJob(ctx: AppContext) {
  return defineJob({
    type: MODERATION_DELIVER,
    version: 1,
    schema: DeliverPayload,
    maxAttempts: MAX_ATTEMPTS,
    timeoutMs: 30_000,
    run: async (p, job) => {
      const db = ctx.store.db;
      if (await db.selectFrom('moderation_log').select('id').where('id', '=', p.logId).executeTakeFirst()) return { already: true };
      const [row] = await loadItems(db, p.workspaceId, [p.itemId]);
      if (!row) return { gone: true };
      const rule = await db.selectFrom('moderation_rules').select('name').where('id', '=', p.ruleId).executeTakeFirst();
      const ws = await db.selectFrom('workspaces').select(['name', 'locale']).where('id', '=', p.workspaceId).executeTakeFirst();
      const log = (outcome: 'done' | 'failed', detail: string | null) =>
        appendLog(db, {
          id: p.logId, workspaceId: p.workspaceId, itemId: p.itemId, authorId: row.author.id, actorId: null, ruleId: p.ruleId,
          action: p.kind, outcome, reasons: topReasons(row), detail,
        }, ctx.clock.now());
      try {
        if (p.kind === 'email') await sendMail(ctx, p, row, rule?.name ?? '', ws?.name ?? '', ws?.locale === 'fr' ? 'fr' : 'en');
        else await postWebhook(ctx, p, row, rule?.name ?? '');
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (job.attempt < MAX_ATTEMPTS && !(err instanceof PermanentJobError)) throw err;
        await log('failed', message);
        throw new PermanentJobError(message);
      }
      await log('done', p.to);
      return { outcome: 'done' };
    },
  });
}

export const topReasons = (row: ModeratedRow) => reasonsOf(row.item).filter((r) => r.weight > 0).slice(0, 5);

const itemLink = (ctx: AppContext, p: DeliverPayload) =>
  `${ctx.config.publicUrl}/w/${encodeURIComponent(p.workspaceId)}/inbox?item=${encodeURIComponent(p.itemId)}`;

async function sendMail(ctx: AppContext, p: DeliverPayload, { item, author }: ModeratedRow, ruleName: string, workspace: string, locale: 'en' | 'fr') {
  if (!ctx.mailer.enabled) throw new PermanentJobError('E-mail is not configured on this server (SMTP_URL).');
  const fr = locale === 'fr';
  const who = `@${author.handle}`;
  const headline = fr ? `La règle «\u00a0${excerpt(ruleName, 80)}\u00a0» a retenu un message de ${who}` : `The rule "${excerpt(ruleName, 80)}" matched a message from ${who}`;
  const text = [
    headline,
    fr ? `«\u00a0${excerpt(item.text, 500)}\u00a0»` : `"${excerpt(item.text, 500)}"`,
    item.url ? `${fr ? 'Sur le réseau\u00a0:' : 'On the network:'} ${item.url}` : '',
    `${fr ? 'Ouvrir dans Ruche\u00a0:' : 'Open it in Ruche:'}\n${itemLink(ctx, p)}`,
  ].filter(Boolean).join('\n\n') + '\n';
  await ctx.mailer.send({ to: p.to, subject: `[${excerpt(workspace, 60)}] ${headline}`, text });
}

async function postWebhook(ctx: AppContext, p: DeliverPayload, row: ModeratedRow, ruleName: string) {
  const { item, author } = row;
  const body = {
    event: 'moderation.rule_matched',
    workspaceId: p.workspaceId,
    rule: { id: p.ruleId, name: ruleName },
    item: {
      id: item.id, network: item.network, kind: item.kind, url: item.url, text: item.text.slice(0, 5000),
      createdAt: new Date(Number(item.created_at)).toISOString(), language: item.language, sentiment: item.sentiment,
      toxicity: categoriesOf(item), complaint: Number(item.complaint) === 1, reasons: topReasons(row), link: itemLink(ctx, p),
    },
    author: { id: author.id, handle: author.handle, displayName: author.display_name, followers: author.followers },
  };
  const res = await ctx.guardedFetch(p.to, {
    method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'Ruche' }, body: JSON.stringify(body), redirect: 'manual',
  }, { timeoutMs: WEBHOOK_TIMEOUT_MS, maxBytes: 64 * 1024 });
  await res.body?.cancel().catch(() => {});
  if (res.status >= 200 && res.status < 300) return;
  const message = `The webhook answered ${res.status}.`;
  // A server error or a rate limit may pass; anything else will answer the same next time.
  if (res.status >= 500 || res.status === 429 || res.status === 408) throw new Error(message);
  throw new PermanentJobError(message);
}
