import type { Selectable } from 'kysely';
import type { InboxAuthorTable, InboxItemTable, ModerationLogTable, InboxReplyTable } from '../../store/inbox-schema.js';
import type { z } from '@hono/zod-openapi';
import type { AuthorView, ItemView, ModerationLogView, ReplyView } from './schema.js';
import { actingNetwork } from '../moderation/log.js';

export type ItemRow = Selectable<InboxItemTable>;
export type AuthorRow = Selectable<InboxAuthorTable>;

/** Columns of an item and of its author, read together (authors' columns prefixed `a_`). */
export const ITEM_COLUMNS = [
  'i.id', 'i.workspace_id', 'i.account_id', 'i.network', 'i.external_id', 'i.external_cid', 'i.kind', 'i.author_id', 'i.text', 'i.url',
  'i.parent_external_id', 'i.parent_cid', 'i.root_external_id', 'i.root_cid', 'i.thread_key', 'i.post_id', 'i.context', 'i.language',
  'i.sentiment', 'i.sentiment_score', 'i.toxicity', 'i.toxicity_category', 'i.complaint', 'i.complaint_score', 'i.has_link', 'i.risk',
  'i.analysis', 'i.status', 'i.assignee_id', 'i.labels', 'i.moderation', 'i.created_at', 'i.received_at', 'i.first_reply_at', 'i.status_changed_at',
  'i.removed_at', 'i.edited_at',
] as const;
/** What a list's row shows: the item's columns less the network references only replying and the detail need. */
const DETAIL_ONLY = new Set(['i.external_cid', 'i.parent_cid', 'i.root_external_id', 'i.root_cid', 'i.context', 'i.status_changed_at']);
export const LIST_COLUMNS = ITEM_COLUMNS.filter((c) => !DETAIL_ONLY.has(c));
export const AUTHOR_COLUMNS = [
  'a.network as a_network', 'a.external_id as a_external_id', 'a.handle as a_handle', 'a.display_name as a_display_name',
  'a.avatar_url as a_avatar_url', 'a.followers as a_followers', 'a.account_created_at as a_account_created_at', 'a.lists as a_lists',
  'a.advocate as a_advocate', 'a.item_count as a_item_count', 'a.removed_count as a_removed_count', 'a.blocked_at as a_blocked_at',
  'a.muted_at as a_muted_at', 'a.first_seen_at as a_first_seen_at',
] as const;

export type JoinedRow = ItemRow & {
  a_network: string; a_external_id: string; a_handle: string; a_display_name: string | null; a_avatar_url: string | null;
  a_followers: number | null; a_account_created_at: number | null; a_lists: string; a_advocate: number; a_item_count: number;
  a_removed_count: number; a_blocked_at: number | null; a_muted_at: number | null; a_first_seen_at: number;
};

const num = (v: unknown) => Number(v);
const nullableNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function presentAuthor(a: AuthorRow): z.infer<typeof AuthorView> {
  return {
    id: a.id,
    network: a.network,
    externalId: a.external_id,
    handle: a.handle,
    displayName: a.display_name,
    avatarUrl: a.avatar_url,
    followers: nullableNum(a.followers),
    accountCreatedAt: nullableNum(a.account_created_at),
    firstSeenAt: num(a.first_seen_at),
    itemCount: num(a.item_count),
    removedCount: num(a.removed_count),
    advocate: num(a.advocate) === 1,
    blocked: a.blocked_at !== null,
    muted: a.muted_at !== null,
    lists: parseJson<string[]>(a.lists, []),
  };
}

const NO_CATEGORIES = { insult: 0, hate: 0, threat: 0, sexual: 0, spam: 0 };

export function presentItem(r: JoinedRow, replyCount = 0): z.infer<typeof ItemView> {
  const analysis = parseJson<{ toxicity?: { categories?: typeof NO_CATEGORIES }; reasons?: Array<Record<string, unknown>> }>(r.analysis, {});
  return {
    id: r.id,
    accountId: r.account_id,
    network: r.network,
    kind: r.kind,
    externalId: r.external_id,
    url: r.url,
    text: r.text,
    createdAt: num(r.created_at),
    receivedAt: num(r.received_at),
    author: presentAuthor({
      id: r.author_id, workspace_id: r.workspace_id, network: r.a_network, external_id: r.a_external_id, handle: r.a_handle,
      display_name: r.a_display_name, avatar_url: r.a_avatar_url, followers: r.a_followers, account_created_at: r.a_account_created_at,
      lists: r.a_lists, advocate: r.a_advocate, item_count: r.a_item_count, removed_count: r.a_removed_count, blocked_at: r.a_blocked_at,
      muted_at: r.a_muted_at, first_seen_at: r.a_first_seen_at, last_seen_at: r.a_first_seen_at,
    }),
    language: r.language,
    sentiment: r.sentiment,
    sentimentScore: num(r.sentiment_score),
    toxicity: num(r.toxicity),
    toxicityCategory: r.toxicity_category,
    categories: { ...NO_CATEGORIES, ...(analysis.toxicity?.categories ?? {}) },
    complaint: num(r.complaint) === 1,
    complaintScore: num(r.complaint_score),
    risk: num(r.risk),
    reasons: Array.isArray(analysis.reasons) ? analysis.reasons : [],
    hasLink: num(r.has_link) === 1,
    status: r.status,
    assigneeId: r.assignee_id,
    labels: parseJson<string[]>(r.labels, []),
    moderation: r.moderation,
    removedAt: nullableNum(r.removed_at),
    editedAt: nullableNum(r.edited_at),
    postId: r.post_id,
    threadKey: r.thread_key,
    parentExternalId: r.parent_external_id,
    firstReplyAt: nullableNum(r.first_reply_at),
    replyCount,
  };
}

export function presentReply(r: Selectable<InboxReplyTable>): z.infer<typeof ReplyView> {
  return {
    id: r.id,
    itemId: r.item_id,
    kind: r.kind as 'reply' | 'like' | 'repost',
    body: r.body,
    status: r.status,
    authorId: r.author_id,
    externalId: r.external_id,
    url: r.external_url,
    error: r.error_message,
    createdAt: num(r.created_at),
    sentAt: nullableNum(r.sent_at),
  };
}

export function presentLog(r: Selectable<ModerationLogTable>): z.infer<typeof ModerationLogView> {
  return {
    id: r.id,
    itemId: r.item_id,
    authorId: r.author_id,
    actorId: actingNetwork(r.actor_id) === null ? r.actor_id : null,
    onNetwork: actingNetwork(r.actor_id),
    ruleId: r.rule_id,
    action: r.action,
    outcome: r.outcome,
    reasons: parseJson<unknown[]>(r.reasons, []),
    detail: r.detail,
    undoes: r.undoes,
    createdAt: num(r.created_at),
  };
}

export { parseJson };
