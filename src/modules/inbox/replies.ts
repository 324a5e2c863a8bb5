import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { openConnector } from '../accounts/open-connector.js';
import { NETWORKS, isNetworkId } from '../../connectors/index.js';
import { INBOX_REPLY } from './job-names.js';
import { announce } from './live.js';
import { assertKeepsCharter, writerFirstName } from '../charter/service.js';
import type { Locale } from '../charter/locale.js';

export interface ReplyRequest {
  workspaceId: string;
  itemId: string;
  /** 'reply' (body required), 'like', 'repost'. */
  kind: 'reply' | 'like' | 'repost';
  body?: string;
  /** The member, or 'rule:<ruleId>' when a moderation rule answers. */
  authorId: string;
  /** The language a refusal by the charter is worded in. */
  locale?: Locale;
}

const CAPABILITY = { reply: 'reply', like: 'like', repost: 'repost' } as const;
const ACTION_WORDS = { reply: 'reply', like: 'like a post', repost: 'repost or share a post' } as const;

/** The item's account, connected, and a connector for it; refusals in words the person can act on. */
export async function itemAccount(ctx: AppContext, workspaceId: string, itemId: string) {
  const item = await ctx.store.db
    .selectFrom('inbox_items')
    .select(['id', 'account_id', 'network'])
    .where('id', '=', itemId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!item) throw notFound('item');
  if (!item.account_id) throw conflict('no_account', 'No connected account received this item, so none can answer it.');
  const account = await ctx.store.db
    .selectFrom('social_accounts')
    .select(['id', 'network', 'credentials', 'handle', 'status'])
    .where('id', '=', item.account_id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!account || account.status === 'disconnected') throw conflict('no_account', 'The account that received this item is no longer connected.');
  return { item, account, connector: openConnector(ctx, account) };
}

/** Queues an answer to an item; a durable job sends it on the network exactly once. Returns the inbox_replies id. */
export async function queueReply(ctx: AppContext, req: ReplyRequest): Promise<string> {
  const { item, account, connector } = await itemAccount(ctx, req.workspaceId, req.itemId);
  if (!connector.capabilities.has(CAPABILITY[req.kind])) {
    const name = isNetworkId(account.network) ? NETWORKS[account.network].name : account.network;
    throw conflict('not_supported', `${name} does not let apps ${ACTION_WORDS[req.kind]} through its API, so Ruche cannot.`);
  }
  const body = req.kind === 'reply' ? (req.body ?? '').trim() : '';
  if (req.kind === 'reply') {
    if (!body) throw badRequest('empty_reply', 'Write the reply first.');
    await assertReplyKeepsCharter(ctx, req, account.network, body);
    const count = await connector.countText(body);
    if (count.used > count.max) throw badRequest('too_long', `This reply is ${count.used} characters long; ${account.network} takes ${count.max}.`, count);
  }
  const id = crypto.randomUUID();
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('inbox_replies')
      .values({
        id, item_id: item.id, workspace_id: req.workspaceId, account_id: account.id, author_id: req.authorId, kind: req.kind, body,
        status: 'queued', external_id: null, external_url: null, error_kind: null, error_message: null, created_at: now, sent_at: null,
      })
      .execute();
    // The reply's id keys the job too: queued twice, it is sent once.
    await ctx.jobs.queue.enqueue(INBOX_REPLY, { replyId: id }, { idempotencyKey: `inbox.reply:${id}`, workspaceId: req.workspaceId, transaction: trx });
  });
  await announce(ctx.store, req.workspaceId, [item.id]);
  return id;
}

/** A reply that breaks the charter in a way that stops it is refused before anything is queued (charter_blocked). */
export async function assertReplyKeepsCharter(ctx: AppContext, req: Pick<ReplyRequest, 'workspaceId' | 'authorId' | 'locale'>, network: string, text: string) {
  const { db } = ctx.store;
  const input = { text, kind: 'reply' as const, network, writerFirstName: await writerFirstName(db, req.authorId) };
  await assertKeepsCharter(db, req.workspaceId, input, req.locale ?? 'en');
}
