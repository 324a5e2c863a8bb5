/**
 * The inbox's typed client, as src/modules/inbox/schema.ts describes the API. Times are milliseconds since the
 * epoch. Network content (texts, handles, names) is hostile: show it through UserText, never as HTML.
 */
import { request } from './client.js';

export type ItemKind = 'reply' | 'mention' | 'quote' | 'message';
export type ItemStatus = 'open' | 'waiting' | 'done';
export type ToxicityCategory = 'insult' | 'hate' | 'threat' | 'sexual' | 'spam';
export type Sentiment = 'negative' | 'neutral' | 'positive';
export const ITEM_KINDS: readonly ItemKind[] = ['reply', 'mention', 'quote', 'message'];
export const ITEM_STATUSES: readonly ItemStatus[] = ['open', 'waiting', 'done'];
export const TOXICITY_CATEGORIES: readonly ToxicityCategory[] = ['insult', 'hate', 'threat', 'sexual', 'spam'];
export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

export interface InboxReason {
  category: string;
  rule: string;
  text: string;
  weight: number;
}

export interface InboxAuthor {
  id: string;
  network: string;
  externalId: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  followers: number | null;
  accountCreatedAt: number | null;
  firstSeenAt: number;
  itemCount: number;
  removedCount: number;
  advocate: boolean;
  blocked: boolean;
  muted: boolean;
  lists: string[];
}

export interface InboxItem {
  id: string;
  accountId: string | null;
  network: string;
  kind: ItemKind;
  externalId: string;
  url: string | null;
  text: string;
  createdAt: number;
  receivedAt: number;
  author: InboxAuthor;
  language: string;
  sentiment: string;
  sentimentScore: number;
  toxicity: number;
  toxicityCategory: ToxicityCategory | null;
  categories: Record<ToxicityCategory, number>;
  complaint: boolean;
  complaintScore: number;
  risk: number;
  reasons: InboxReason[];
  hasLink: boolean;
  status: ItemStatus;
  assigneeId: string | null;
  labels: string[];
  moderation: 'hidden' | 'deleted' | 'review' | null;
  /** When its author removed it, or last edited it, on the network (ms). */
  removedAt: number | null;
  editedAt: number | null;
  postId: string | null;
  threadKey: string;
  parentExternalId: string | null;
  firstReplyAt: number | null;
  replyCount: number;
}

export interface ThreadContextEntry {
  ref: { id: string; cid?: string };
  authorHandle: string;
  text: string;
  /** ISO, as the network gave it. */
  createdAt: string;
  /** The post on the network, and a thumbnail of it, when the network gives them (network content). */
  url?: string | null;
  imageUrl?: string | null;
}

export interface InboxNote {
  id: string;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: number;
}

export interface InboxReply {
  id: string;
  itemId: string;
  kind: 'reply' | 'like' | 'repost';
  body: string;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'unknown';
  authorId: string;
  externalId: string | null;
  url: string | null;
  /** The network's words when it refused. */
  error: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface InboxTicketSummary {
  id: string;
  departmentId: string;
  departmentName: string | null;
  status: string;
  ownerId: string | null;
  dueAt: number;
  createdAt: number;
}

export interface InboxModerationEntry {
  id: string;
  itemId: string | null;
  authorId: string | null;
  actorId: string | null;
  /** The network where it was done, when done there rather than through Ruche. */
  onNetwork?: string | null;
  ruleId: string | null;
  action: string;
  outcome: string;
  reasons: unknown[];
  detail: string | null;
  undoes: string | null;
  createdAt: number;
}

export interface InboxItemDetail {
  item: InboxItem;
  /** The conversation (same thread key), oldest first, the item included. */
  thread: InboxItem[];
  context: ThreadContextEntry[];
  notes: InboxNote[];
  /** False when the workspace keeps its internal notes from clients: `notes` is then empty. */
  notesVisible: boolean;
  replies: InboxReply[];
  tickets: InboxTicketSummary[];
  moderation: InboxModerationEntry[];
}

export interface InboxAuthorCard {
  author: InboxAuthor;
  /** Their latest 20 items. */
  items: InboxItem[];
  actions: InboxModerationEntry[];
  /** Replies the team sent them. */
  replies: number;
  tickets: InboxTicketSummary[];
}

export interface InboxCounts {
  total: number;
  /** True when the counts were made over the newest `window` matching items only (very large inboxes). */
  capped: boolean;
  window: number;
  byStatus: Record<ItemStatus, number>;
  /** Removed by their authors on the network before done: under All only. */
  removed: number;
  byAccount: Record<string, number>;
  byNetwork: Record<string, number>;
  byKind: Record<string, number>;
  bySentiment: Record<string, number>;
  byToxicity: Record<ToxicityCategory, number>;
  complaint: number;
  byLanguage: Record<string, number>;
  byLabel: Record<string, number>;
  /** By user id; `none` for items nobody is assigned. */
  byAssignee: Record<string, number>;
  /** Time from arrival to the first public reply, over the last 30 days. */
  firstReply: { medianMs: number | null; replied: number };
}

export interface InboxFilters {
  network?: string;
  accountId?: string;
  kind?: ItemKind;
  status?: ItemStatus;
  sentiment?: Sentiment;
  toxicity?: ToxicityCategory | 'any';
  complaint?: boolean;
  language?: string;
  label?: string;
  /** A user id, `none` or `me`. */
  assigneeId?: string;
  /** Created on the network at or after / before (ms). */
  from?: number;
  to?: number;
  /** Words, accents and case ignored; the last may be the start of a word. */
  q?: string;
}

export interface InboxListQuery extends InboxFilters {
  sort?: 'newest' | 'risk';
  cursor?: string | null;
  limit?: number;
}

export interface InboxChange {
  status?: ItemStatus;
  assigneeId?: string | null;
  labels?: string[];
}

export interface SavedReply {
  id: string;
  title: string;
  /** May hold {author}, {first_name} and {brand}. */
  body: string;
  language: 'en' | 'fr' | string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface InboxSource {
  accountId: string;
  network: string;
  handle: string;
  source: string;
  backfillProgress: number;
  backfillDone: boolean;
  /** 'firehose', 'streaming', or null (polling only). */
  live: string | null;
  lastPolledAt: number | null;
  lastError: string | null;
  /** False where the network gives no access to direct messages (Bluesky). */
  dmsCollected: boolean;
  /** Items the network sent that could not be read or stored. */
  setAside: number;
}

const enc = encodeURIComponent;
const inbox = (wid: string) => `/workspaces/${enc(wid)}/inbox`;
const item = (wid: string, id: string) => `${inbox(wid)}/items/${enc(id)}`;

/** The query string of filters: unset ones left out, `complaint` as 1. */
export function inboxQueryString(query: InboxListQuery): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    q.set(key, value === true ? '1' : String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const inboxApi = {
  items: (wid: string, query: InboxListQuery = {}) =>
    request<{ items: InboxItem[]; nextCursor: string | null }>('GET', `${inbox(wid)}/items${inboxQueryString(query)}`),
  counts: (wid: string, filters: InboxFilters = {}) => request<InboxCounts>('GET', `${inbox(wid)}/counts${inboxQueryString(filters)}`),
  item: (wid: string, id: string) => request<InboxItemDetail>('GET', item(wid, id)),
  author: (wid: string, authorId: string) => request<InboxAuthorCard>('GET', `${inbox(wid)}/authors/${enc(authorId)}`),
  update: (wid: string, id: string, change: InboxChange) => request<InboxItem>('PATCH', item(wid, id), change),
  bulk: (wid: string, input: { itemIds: string[]; status?: ItemStatus; assigneeId?: string | null; addLabels?: string[]; removeLabels?: string[] }) =>
    request<{ results: Array<{ id: string; ok: boolean; error: string | null }> }>('POST', `${inbox(wid)}/items/bulk`, input),
  addNote: (wid: string, id: string, body: string) => request<InboxNote>('POST', `${item(wid, id)}/notes`, { body }),
  /** A reply, like, repost or thank (a like, and the saved reply or text given as a reply); sent by a job, once. */
  reply: (wid: string, id: string, input: { kind: 'reply' | 'like' | 'repost' | 'thank'; body?: string; savedReplyId?: string }) =>
    request<InboxReply & { followUp: InboxReply | null }>('POST', `${item(wid, id)}/replies`, input),
  /** The network's counter for a reply's text. */
  replyLimits: (wid: string, id: string, body: string) =>
    request<{ used: number; max: number }>('POST', `${item(wid, id)}/reply-limits`, { body }, { idempotent: false }),
  savedReplies: (wid: string, itemId?: string) =>
    request<{ items: SavedReply[] }>('GET', `${inbox(wid)}/saved-replies${itemId ? `?itemId=${enc(itemId)}` : ''}`),
  createSavedReply: (wid: string, input: { title: string; body: string; language: 'en' | 'fr' }) =>
    request<SavedReply>('POST', `${inbox(wid)}/saved-replies`, input),
  updateSavedReply: (wid: string, id: string, change: Partial<{ title: string; body: string; language: 'en' | 'fr' }>) =>
    request<SavedReply>('PATCH', `${inbox(wid)}/saved-replies/${enc(id)}`, change),
  deleteSavedReply: (wid: string, id: string) => request<void>('DELETE', `${inbox(wid)}/saved-replies/${enc(id)}`),
  renderSavedReply: (wid: string, savedReplyId: string, itemId: string) =>
    request<{ body: string }>('POST', `${inbox(wid)}/saved-replies/${enc(savedReplyId)}/render`, { itemId }, { idempotent: false }),
  sources: (wid: string) => request<{ items: InboxSource[] }>('GET', `${inbox(wid)}/sources`),
  /** Server-sent events: `items` with { itemIds } when items arrive or change. */
  streamUrl: (wid: string) => `/api/v1${inbox(wid)}/stream`,
};
