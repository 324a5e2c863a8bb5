import { z } from '@hono/zod-openapi';

export const KINDS = ['reply', 'mention', 'quote', 'message'] as const;
export const STATUSES = ['open', 'waiting', 'done'] as const;
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const TOXICITY = ['insult', 'hate', 'threat', 'sexual', 'spam'] as const;

const Id = z.string().min(1).max(64);
const Ms = z.coerce.number().int().min(0).max(8.64e15);

/** The list's filters; the counts take the same ones. */
export const FilterQuery = z.object({
  network: z.string().max(32).optional(),
  accountId: Id.optional(),
  kind: z.enum(KINDS).optional(),
  status: z.enum(STATUSES).optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  toxicity: z.enum([...TOXICITY, 'any']).optional(),
  complaint: z.enum(['1', '0']).optional(),
  language: z.string().max(16).optional(),
  label: z.string().min(1).max(64).optional(),
  assigneeId: z.string().min(1).max(64).optional().openapi({ description: "A member's user id, `none` or `me`" }),
  from: Ms.optional().openapi({ description: 'Created on the network at or after (ms)' }),
  to: Ms.optional().openapi({ description: 'Created before (ms)' }),
  q: z.string().max(200).optional().openapi({ description: 'Words to find, accents and case ignored; the last may be a prefix' }),
});
export type Filters = z.infer<typeof FilterQuery>;

export const ListQuery = FilterQuery.extend({
  sort: z.enum(['newest', 'risk']).default('newest'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListOptions = z.infer<typeof ListQuery>;

export const Categories = z.object({ insult: z.number(), hate: z.number(), threat: z.number(), sexual: z.number(), spam: z.number() });

export const AuthorView = z
  .object({
    id: z.string(),
    network: z.string(),
    externalId: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    followers: z.number().nullable(),
    accountCreatedAt: z.number().nullable(),
    firstSeenAt: z.number(),
    itemCount: z.number(),
    removedCount: z.number(),
    advocate: z.boolean(),
    blocked: z.boolean(),
    muted: z.boolean(),
    lists: z.array(z.string()),
  })
  .openapi('InboxAuthor');

export const Reason = z.object({}).passthrough().openapi('InboxReason');

export const ItemView = z
  .object({
    id: z.string(),
    accountId: z.string().nullable(),
    network: z.string(),
    kind: z.enum(KINDS),
    externalId: z.string(),
    url: z.string().nullable(),
    text: z.string(),
    createdAt: z.number(),
    receivedAt: z.number(),
    author: AuthorView,
    language: z.string(),
    sentiment: z.string(),
    sentimentScore: z.number(),
    toxicity: z.number(),
    toxicityCategory: z.string().nullable(),
    categories: Categories,
    complaint: z.boolean(),
    complaintScore: z.number(),
    risk: z.number(),
    reasons: z.array(Reason),
    hasLink: z.boolean(),
    status: z.enum(STATUSES),
    assigneeId: z.string().nullable(),
    labels: z.array(z.string()),
    moderation: z.string().nullable(),
    removedAt: z.number().nullable().openapi({ description: 'When its author removed it on the network (ms), as the network told' }),
    editedAt: z.number().nullable().openapi({ description: 'When its author last edited it on the network (ms); the text is the edited one' }),
    postId: z.string().nullable(),
    threadKey: z.string(),
    parentExternalId: z.string().nullable(),
    firstReplyAt: z.number().nullable(),
    replyCount: z.number(),
  })
  .openapi('InboxItem');

export const ItemPage = z.object({ items: z.array(ItemView), nextCursor: z.string().nullable() }).openapi('InboxItemPage');

const Tally = z.record(z.string(), z.number());
export const Counts = z
  .object({
    total: z.number(),
    capped: z.boolean().openapi({ description: 'True when counted over the newest `window` matching items only (very large inboxes)' }),
    window: z.number(),
    byStatus: z.object({ open: z.number(), waiting: z.number(), done: z.number() }),
    removed: z.number().openapi({ description: 'Items their authors removed on the network before the team was done with them: counted under All only' }),
    byAccount: Tally,
    byNetwork: Tally,
    byKind: Tally,
    bySentiment: Tally,
    byToxicity: Categories,
    complaint: z.number(),
    byLanguage: Tally,
    byLabel: Tally,
    byAssignee: Tally,
    firstReply: z.object({
      medianMs: z.number().nullable().openapi({ description: 'Median time from arrival to the first public reply, last 30 days' }),
      replied: z.number(),
    }),
  })
  .openapi('InboxCounts');

export const ContextEntry = z.object({
  ref: z.object({ id: z.string(), cid: z.string().optional() }), authorHandle: z.string(), text: z.string(), createdAt: z.string(),
  url: z.string().nullish().openapi({ description: 'The post on the network (network content: an http(s) address, not trusted)' }),
  imageUrl: z.string().nullish().openapi({ description: 'A thumbnail of the post, when the network gives one' }),
});
export const NoteView = z.object({ id: z.string(), authorId: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: z.number() }).openapi('InboxNote');
export const ReplyView = z
  .object({
    id: z.string(),
    itemId: z.string(),
    kind: z.enum(['reply', 'like', 'repost']),
    body: z.string(),
    status: z.enum(['queued', 'sending', 'sent', 'failed', 'unknown']),
    authorId: z.string(),
    externalId: z.string().nullable(),
    url: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.number(),
    sentAt: z.number().nullable(),
  })
  .openapi('InboxReply');
export const TicketSummary = z
  .object({ id: z.string(), departmentId: z.string(), departmentName: z.string().nullable(), status: z.string(), ownerId: z.string().nullable(), dueAt: z.number(), createdAt: z.number() })
  .openapi('InboxTicketSummary');
export const ModerationLogView = z
  .object({
    id: z.string(),
    itemId: z.string().nullable(),
    authorId: z.string().nullable(),
    actorId: z.string().nullable(),
    onNetwork: z.string().nullable().openapi({ description: 'The network where it was done, when done there rather than through Ruche' }),
    ruleId: z.string().nullable(),
    action: z.string(),
    outcome: z.string(),
    reasons: z.array(z.unknown()),
    detail: z.string().nullable(),
    undoes: z.string().nullable(),
    createdAt: z.number(),
  })
  .openapi('InboxModerationEntry');

export const ItemDetail = z
  .object({
    item: ItemView,
    thread: z.array(ItemView),
    context: z.array(ContextEntry),
    notes: z.array(NoteView),
    /** False for a client when the workspace keeps its internal notes and comments to the team: `notes` is then empty. */
    notesVisible: z.boolean(),
    replies: z.array(ReplyView),
    tickets: z.array(TicketSummary),
    moderation: z.array(ModerationLogView),
  })
  .openapi('InboxItemDetail');

export const AuthorCard = z
  .object({ author: AuthorView, items: z.array(ItemView), actions: z.array(ModerationLogView), replies: z.number(), tickets: z.array(TicketSummary) })
  .openapi('InboxAuthorCard');

const Label = z.string().trim().min(1).max(64);
export const ItemPatch = z.strictObject({
  status: z.enum(STATUSES).optional(),
  assigneeId: z.string().min(1).max(64).nullable().optional(),
  labels: z.array(Label).max(20).optional(),
});
export const BulkBody = z.strictObject({
  itemIds: z.array(Id).min(1).max(200),
  status: z.enum(STATUSES).optional(),
  assigneeId: z.string().min(1).max(64).nullable().optional(),
  addLabels: z.array(Label).max(20).optional(),
  removeLabels: z.array(Label).max(20).optional(),
});
export const BulkResult = z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), error: z.string().nullable() })) });
export const NoteBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });
export const ReplyBody = z.strictObject({
  kind: z.enum(['reply', 'like', 'repost', 'thank']),
  body: z.string().max(5000).optional(),
  savedReplyId: Id.optional().openapi({ description: "For `thank`: the saved reply to send with the like, rendered for this item" }),
});
export const ReplyAccepted = z.object({ replies: z.array(ReplyView) }).openapi('InboxReplyAccepted');
export const CountBody = z.strictObject({ body: z.string().max(20000) });
export const TextCount = z.object({ used: z.number(), max: z.number() });

export const SavedReplyView = z
  .object({ id: z.string(), title: z.string(), body: z.string(), language: z.string(), createdBy: z.string(), createdAt: z.number(), updatedAt: z.number() })
  .openapi('SavedReply');
export const SavedReplyBody = z.strictObject({ title: z.string().trim().min(1).max(120), body: z.string().trim().min(1).max(5000), language: z.enum(['en', 'fr']) });
export const SavedReplyPatch = SavedReplyBody.partial();
export const SavedReplyQuery = z.object({ itemId: Id.optional().openapi({ description: "The item's language first" }) });
export const RenderBody = z.strictObject({ itemId: Id });

export const SourceView = z
  .object({
    accountId: z.string(),
    network: z.string(),
    handle: z.string(),
    source: z.string(),
    backfillProgress: z.number(),
    backfillDone: z.boolean(),
    live: z.string().nullable(),
    lastPolledAt: z.number().nullable(),
    lastError: z.string().nullable(),
    dmsCollected: z.boolean(),
    /** Items of this source the network sent that could not be read or stored, kept with their reason. */
    setAside: z.number(),
  })
  .openapi('InboxSource');

export const ItemParams = z.object({ workspaceId: Id, itemId: Id });
export const AuthorParams = z.object({ workspaceId: Id, authorId: Id });
export const SavedParams = z.object({ workspaceId: Id, savedReplyId: Id });
