import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import type { InboundItem } from '../../connectors/types.js';
import { ingestItems } from '../inbound/pipeline.js';
import { INBOX_POLL } from '../inbound/job-names.js';
import { metaChanges, metaWebhookPayload, type MetaChange, type WebhookItem } from './meta-payload.js';
import { forgetExpired, remember, unseen } from './replays.js';
import { META_WEBHOOK } from './job-names.js';

const inboundItem = (i: WebhookItem): InboundItem => ({
  kind: 'reply', ref: { id: i.id }, text: i.text, createdAt: i.createdAt, url: null,
  author: { id: i.author.id, handle: i.author.handle, displayName: i.author.name, avatarUrl: null, followers: null, createdAt: null },
  parent: { id: i.parentId }, root: { id: i.rootId }, conversationId: null, quoted: null, languages: [], context: [],
});

/**
 * One verified delivery from Meta: each change not seen before goes to every connected account of that Page or
 * Instagram account (one Page may be connected in several workspaces, each gets its own item and no other
 * workspace hears of it). Keys are remembered once stored, so a crash repeats the delivery and never loses it;
 * the inbox's own de-duplication keeps that repeat harmless.
 */
export function metaWebhookJob(ctx: AppContext) {
  return defineJob({
    type: META_WEBHOOK,
    version: 1,
    schema: metaWebhookPayload,
    maxAttempts: 8,
    timeoutMs: 5 * 60_000,
    async run(payload, job) {
      const { db } = ctx.store;
      const now = ctx.clock.now();
      const changes = metaChanges(payload);
      const fresh = await unseen(db, [...new Set(changes.map((c) => c.key))], now);
      const todo = changes.filter((c) => fresh.has(c.key));
      const byAccount = new Map<string, MetaChange[]>();
      for (const c of todo) {
        const k = `${c.network}\n${c.accountId}`;
        byAccount.set(k, [...(byAccount.get(k) ?? []), c]);
      }
      let stored = 0;
      for (const [k, list] of byAccount) {
        const [network, externalId] = k.split('\n');
        const accounts = await db.selectFrom('social_accounts').select(['id', 'workspace_id', 'network'])
          .where('network', '=', network).where('external_id', '=', externalId).where('status', '=', 'connected').execute();
        for (const account of accounts) {
          const items = list.flatMap((c) => (c.action === 'item' ? [inboundItem(c.item)] : []));
          if (items.length > 0) stored += (await ingestItems(ctx, account, items)).stored.length;
          for (const source of new Set(list.flatMap((c) => (c.action === 'poll' ? [c.source] : [])))) {
            await ctx.jobs.queue.enqueue(INBOX_POLL, { accountId: account.id, source }, { idempotencyKey: `inbox-poll:${account.id}:${source}:webhook:${job.jobId}` });
          }
        }
      }
      await remember(db, [...fresh], now);
      if (job.attempt === 1) await forgetExpired(db, now);
      return { changes: changes.length, fresh: todo.length, stored };
    },
  });
}
