/**
 * What the inbox page calls: the inbox's typed client (web/api/inbox.ts) under the names this scene uses, and the
 * moderation action on an item (the moderation API's).
 */
import { request } from '../../api/client.js';
import { inboxApi as client, type InboxFilters, type InboxListQuery } from '../../api/inbox.js';

export {
  ITEM_KINDS as KINDS,
  ITEM_STATUSES as STATUSES,
  SENTIMENTS,
  TOXICITY_CATEGORIES,
  type InboxAuthor as AuthorView,
  type InboxAuthorCard as AuthorDetailView,
  type InboxChange as ItemChange,
  type InboxCounts,
  type InboxItem as InboxItemView,
  type InboxItemDetail as ItemDetailView,
  type InboxModerationEntry as ModerationLogView,
  type InboxNote as NoteView,
  type InboxReason as Reason,
  type InboxReply as ReplyView,
  type InboxSource as SourceView,
  type InboxTicketSummary as TicketSummary,
  type ItemKind,
  type ItemStatus,
  type SavedReply,
  type ThreadContextEntry,
  type ToxicityCategory,
} from '../../api/inbox.js';

export type ItemQuery = InboxListQuery;
export type ModerationAction = 'hide' | 'unhide' | 'delete' | 'block' | 'unblock' | 'mute' | 'unmute' | 'report';

const enc = encodeURIComponent;

export const inboxApi = {
  ...client,
  /** The counts for the list's filters (its order and page set aside). */
  counts: (wid: string, query: ItemQuery) => {
    const { cursor: _cursor, limit: _limit, sort: _sort, ...filters } = query;
    return client.counts(wid, filters as InboxFilters);
  },
  moderate: (wid: string, itemId: string, action: ModerationAction, reason?: string) =>
    request<unknown>('POST', `/workspaces/${enc(wid)}/moderation/items/${enc(itemId)}/actions`, { action, reason }),
};
