import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import type { InboundItem, ThreadContextEntry } from '../../connectors/types.js';
import { openConnector } from '../accounts/open-connector.js';
import { applyEdit, markRemoved } from '../inbound/network-changes.js';
import { ingestItems } from '../inbound/pipeline.js';
import { recordNetworkVisibility } from '../moderation/network-state.js';
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
 * The brand's posts the comments are under, read in one call for the delivery (the webhook names them only), so
 * that the inbox shows each comment with its post. Not readable now, the comments are stored without it.
 */
async function withPostContext(ctx: AppContext, account: { id: string; network: string; credentials: string }, items: WebhookItem[]): Promise<InboundItem[]> {
  let posts = new Map<string, ThreadContextEntry>();
  try {
    const connector = openConnector(ctx, account);
    if (connector.ownPostContext) posts = await connector.ownPostContext([...new Set(items.map((i) => i.rootId))].map((id) => ({ id })));
  } catch (err) {
    ctx.log.warn({ event: 'webhooks.meta.context_unread', accountId: account.id, err: err instanceof Error ? err.message : String(err) }, 'the posts the comments are under could not be read');
  }
  return items.map((i) => ({ ...inboundItem(i), context: posts.has(i.rootId) ? [posts.get(i.rootId)!] : [] }));
}

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
        const accounts = await db.selectFrom('social_accounts').select(['id', 'workspace_id', 'network', 'credentials'])
          .where('network', '=', network).where('external_id', '=', externalId).where('status', '=', 'connected').execute();
        for (const account of accounts) {
          const fresh: WebhookItem[] = list.flatMap((c) => (c.action === 'item' ? [c.item] : []));
          for (const c of list) {
            // An edit of a comment not stored yet (it came before Ruche listened) is stored as it now reads.
            if (c.action === 'edited' && (await applyEdit(ctx, account, { externalId: c.item.id, text: c.item.text, at: c.at })) === null) fresh.push(c.item);
          }
          if (fresh.length > 0) stored += (await ingestItems(ctx, account, await withPostContext(ctx, account, fresh))).stored.length;
          const removed = list.flatMap((c) => (c.action === 'removed' ? [c.itemId] : []));
          if (removed.length > 0) {
            const at = Math.max(...list.flatMap((c) => (c.action === 'removed' ? [c.at] : [])));
            await markRemoved(ctx, account, removed, at);
          }
          for (const c of list) {
            if (c.action === 'visibility') await recordNetworkVisibility(ctx, account, c.itemId, c.visibility, c.at);
          }
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
