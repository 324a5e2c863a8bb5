import crypto from 'node:crypto';
import type { TestRuche } from '../helpers/ruche.js';
import type { InboundItem } from '../../src/connectors/types.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { countsChanged } from '../../src/modules/inbox/counts.js';

/**
 * Items stored by the inbound pipeline itself (ingestItems: normalised, analysed, stored with their author and
 * thread, the rules run, the open inboxes told), so that tests of the inbox notice when the pipeline changes. The
 * analysis figures a test names are then written over the analyser's, so that the test does not depend on the
 * models (the pipeline's own tests cover how they are computed).
 */
export interface SeedItem {
  text: string;
  /** The connected account the item is addressed to. */
  accountId: string;
  /** The network the item came from; the account's own unless said. */
  network?: string;
  kind?: 'reply' | 'mention' | 'quote' | 'message';
  author?: { handle: string; displayName?: string | null; externalId?: string };
  language?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  toxicityCategory?: string | null;
  complaint?: boolean;
  risk?: number;
  status?: 'open' | 'waiting' | 'done';
  createdAt?: number;
  /** Items with the same key are one conversation (the post at the root of their thread). */
  threadKey?: string;
  externalId?: string;
  cid?: string | null;
  root?: { id: string; cid?: string | null } | null;
}

export async function seedItem(ruche: TestRuche, workspaceId: string, s: SeedItem): Promise<{ id: string; authorId: string }> {
  const { db } = ruche.ctx.store;
  const account = await db.selectFrom('social_accounts').select(['id', 'workspace_id', 'network'])
    .where('id', '=', s.accountId).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  const handle = s.author?.handle ?? 'someone.test';
  const root = s.threadKey ? { id: s.threadKey } : s.root ? { id: s.root.id, ...(s.root.cid ? { cid: s.root.cid } : {}) } : null;
  const raw: InboundItem = {
    kind: s.kind ?? 'reply',
    ref: { id: s.externalId ?? `ext:${crypto.randomUUID()}`, ...(s.cid ? { cid: s.cid } : {}) },
    author: { id: s.author?.externalId ?? `ext:${handle}`, handle, displayName: s.author?.displayName ?? null, avatarUrl: null, followers: 10, createdAt: null },
    text: s.text,
    createdAt: new Date(s.createdAt ?? Date.now()).toISOString(),
    url: null,
    parent: root,
    root,
    conversationId: null,
    quoted: null,
    languages: s.language ? [s.language] : [],
    context: [],
  };
  const network = s.network ?? account.network;
  const result = await ingestItems(ruche.ctx, { ...account, network }, [raw]);
  if (result.setAside.length > 0) throw new Error(`the pipeline set the seed aside: ${JSON.stringify(result.setAside)}`);
  // Stored now, or already (a poll of the account read it first from the network the test wrote it on).
  const id = result.stored[0] ?? (await db.selectFrom('inbox_items').select('id')
    .where('workspace_id', '=', workspaceId).where('network', '=', network).where('external_id', '=', raw.ref.id).executeTakeFirstOrThrow()).id;

  const category = s.toxicityCategory ?? null;
  const categories = { insult: 0, hate: 0, threat: 0, sexual: 0, spam: 0, ...(category ? { [category]: 0.9 } : {}) };
  await db.updateTable('inbox_items').set({
    language: s.language ?? 'en', sentiment: s.sentiment ?? 'neutral', sentiment_score: 0, toxicity: category ? 0.9 : 0.01,
    toxicity_category: category, complaint: s.complaint ? 1 : 0, complaint_score: s.complaint ? 0.9 : 0, risk: s.risk ?? 0.1,
    analysis: JSON.stringify({ toxicity: { categories }, reasons: category ? [{ category, rule: 'model', text: 'x', weight: 1 }] : [] }),
    ...(s.status ? { status: s.status } : {}),
  }).where('id', '=', id).execute();
  // Counts remembered from the pipeline's figures no longer hold.
  countsChanged(workspaceId);
  const row = await db.selectFrom('inbox_items').select('author_id').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, authorId: row.author_id };
}

export const inboxPath = (ws: string, p = '') => `/api/v1/workspaces/${ws}/inbox${p}`;
