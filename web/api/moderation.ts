/**
 * Typed calls for moderation: rules and their trial, actions on items, the log, the review queue, repeat
 * offenders and advocates, the workspace's models, and saved replies. Same conventions as client.ts.
 */
import type { Page } from '../../src/shared/api.js';
import type { Reason } from '../../src/analysis/types.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const ws = (wid: string) => `/workspaces/${enc(wid)}`;

export type { Reason };
export const TOXICITY_CATEGORIES = ['insult', 'hate', 'threat', 'sexual', 'spam'] as const;
export type ToxicityCategory = (typeof TOXICITY_CATEGORIES)[number];
export const ITEM_KINDS = ['reply', 'mention', 'quote', 'message'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** All must hold; an absent condition matches anything. */
export interface RuleConditions {
  toxicity?: { category: 'any' | ToxicityCategory; min: number };
  keywords?: string[];
  pattern?: string;
  languages?: string[];
  authorLists?: string[];
  authorMaxAgeDays?: number;
  authorMinFollowers?: number;
  authorMaxFollowers?: number;
  hasLink?: boolean;
  networks?: string[];
  kinds?: ItemKind[];
  sentiment?: Sentiment[];
  complaint?: boolean;
  authorRemovedAtLeast?: number;
}

export const ACTION_TYPES = ['hide', 'delete', 'block', 'mute', 'report', 'label', 'assign', 'escalate', 'email', 'webhook', 'reply', 'ticket', 'review'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export type RuleAction =
  | { type: 'hide' | 'delete' | 'block' | 'mute' | 'report' | 'escalate' | 'review' }
  | { type: 'label'; label: string }
  | { type: 'assign'; userId: string }
  | { type: 'email'; to: string }
  | { type: 'webhook'; url: string }
  | { type: 'reply'; savedReplyId: string }
  | { type: 'ticket'; department: string };

export interface RuleInput {
  name: string;
  enabled?: boolean;
  conditions: RuleConditions;
  actions: RuleAction[];
  stop?: boolean;
}

export interface ModerationRuleView extends Required<Omit<RuleInput, 'stop'>> {
  id: string;
  position: number;
  stop: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ItemAuthor {
  id: string;
  network: string;
  handle: string;
  displayName: string | null;
  followers: number | null;
  itemCount: number;
  removedCount: number;
  advocate: boolean;
  blocked: boolean;
  muted: boolean;
  lists: string[];
}

/** The part of the inbox's item view that moderation pages show. */
export interface ModeratedItem {
  id: string;
  network: string;
  kind: ItemKind;
  url: string | null;
  text: string;
  createdAt: string;
  author: ItemAuthor;
  language: string;
  sentiment: string;
  sentimentScore: number;
  toxicity: number;
  toxicityCategory: ToxicityCategory | null;
  categories?: Partial<Record<ToxicityCategory, number>>;
  complaint: boolean;
  risk: number;
  reasons: Reason[];
  hasLink: boolean;
  labels: string[];
  moderation: 'hidden' | 'deleted' | 'review' | null;
}

/** What a rule would do to one item, and whether the item's network lets it. */
export interface PlannedAction {
  type: ActionType;
  allowed: boolean;
  /** Why not, when not: 'no_account', 'not_supported', 'not_our_post'. */
  why?: string | null;
}

export interface TriedItem extends ModeratedItem {
  actions: PlannedAction[];
}

export interface TryResult {
  tried: number;
  matched: number;
  items: TriedItem[];
}

export type ItemAction = 'hide' | 'unhide' | 'delete' | 'block' | 'unblock' | 'mute' | 'unmute' | 'report';

export interface ModerationLogEntry {
  id: string;
  itemId: string | null;
  authorId: string | null;
  actor: { id: string; name: string } | null;
  /** The network where it was done, when done there rather than through Ruche (then no member acted). */
  onNetwork?: string | null;
  rule: { id: string; name: string } | null;
  action: string;
  outcome: 'done' | 'not_possible' | 'failed' | 'queued';
  reasons: Array<Reason | string>;
  detail: string | null;
  undoes: string | null;
  /** Set once another entry undid this one. */
  undoneBy?: string | null;
  /** The network allows the opposite action and nobody undid it yet. */
  undoable: boolean;
  item: Pick<ModeratedItem, 'id' | 'text' | 'network' | 'url'> | null;
  author: Pick<ItemAuthor, 'id' | 'handle' | 'displayName' | 'network'> | null;
  createdAt: string;
}

export type ReviewReason = 'uncertain' | 'not_possible' | 'rule';

export interface ReviewView {
  id: string;
  item: ModeratedItem;
  rule: { id: string; name: string } | null;
  action: string;
  reason: ReviewReason;
  risk: number;
  status: 'pending' | 'confirmed' | 'overturned';
  createdAt: string;
}

export interface ReviewPage {
  items: ReviewView[];
  /** Pending reviews in all, beyond those listed. */
  total?: number;
}

/** A week's most positive contributions: of advocates (items) and of everyone. */
export interface HighlightsView {
  week: string;
  from: string;
  to: string;
  items: ModeratedItem[];
  everyone: ModeratedItem[];
}

export interface ModelView {
  name: string;
  examples: number;
  trainedAt: string | null;
  trainedBy: string | null;
}

export interface ModelsView {
  models: ModelView[];
  /** Decisions (labels) a retraining would learn from. */
  decisions: number;
  lastTrainedAt: string | null;
  /** A retraining under way, if any. */
  jobId?: string | null;
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  language: 'fr' | 'en';
  createdAt?: string;
  updatedAt?: string;
}

export type SavedReplyInput = Pick<SavedReply, 'title' | 'body' | 'language'>;

const list = <T>(body: { items: T[] } | T[]): T[] => (Array.isArray(body) ? body : body.items);

export const moderation = {
  rules: {
    list: async (wid: string) => list(await request<{ items: ModerationRuleView[] } | ModerationRuleView[]>('GET', `${ws(wid)}/moderation/rules`)),
    create: (wid: string, input: RuleInput) => request<ModerationRuleView>('POST', `${ws(wid)}/moderation/rules`, input),
    update: (wid: string, id: string, patch: Partial<RuleInput>) => request<ModerationRuleView>('PATCH', `${ws(wid)}/moderation/rules/${enc(id)}`, patch),
    remove: (wid: string, id: string) => request<void>('DELETE', `${ws(wid)}/moderation/rules/${enc(id)}`),
    reorder: (wid: string, ruleIds: string[]) => request<unknown>('POST', `${ws(wid)}/moderation/rules/reorder`, { ruleIds }),
    try: (wid: string, input: { conditions: RuleConditions; actions: RuleAction[]; limit?: number }) =>
      request<TryResult>('POST', `${ws(wid)}/moderation/rules/try`, input, { idempotent: false }),
  },
  act: (wid: string, itemId: string, action: ItemAction, reason?: string) =>
    request<unknown>('POST', `${ws(wid)}/moderation/items/${enc(itemId)}/actions`, { action, reason }),
  log: {
    page: (wid: string, cursor?: string | null) =>
      request<Page<ModerationLogEntry>>('GET', `${ws(wid)}/moderation/log${cursor ? `?cursor=${enc(cursor)}` : ''}`),
    undo: (wid: string, entryId: string) => request<unknown>('POST', `${ws(wid)}/moderation/log/${enc(entryId)}/undo`),
  },
  reviews: {
    pending: (wid: string) => request<ReviewPage>('GET', `${ws(wid)}/moderation/reviews?status=pending&limit=200`),
    decide: (wid: string, id: string, decision: 'confirm' | 'overturn') =>
      request<unknown>('POST', `${ws(wid)}/moderation/reviews/${enc(id)}`, { decision }),
  },
  offenders: async (wid: string) => list(await request<{ items: ItemAuthor[] } | ItemAuthor[]>('GET', `${ws(wid)}/moderation/offenders`)),
  advocates: async (wid: string) => list(await request<{ items: ItemAuthor[] } | ItemAuthor[]>('GET', `${ws(wid)}/moderation/advocates`)),
  highlights: (wid: string, week?: string) =>
    request<HighlightsView>('GET', `${ws(wid)}/moderation/highlights${week ? `?week=${enc(week)}` : ''}`),
  setAdvocate: (wid: string, authorId: string, advocate: boolean) =>
    request<unknown>('POST', `${ws(wid)}/inbox/authors/${enc(authorId)}/advocate`, { advocate }),
  setLists: (wid: string, authorId: string, lists: string[]) => request<unknown>('POST', `${ws(wid)}/inbox/authors/${enc(authorId)}/lists`, { lists }),
  retrain: (wid: string) => request<{ jobId: string }>('POST', `${ws(wid)}/moderation/retrain`),
  models: (wid: string) => request<ModelsView>('GET', `${ws(wid)}/moderation/models`),
};

export const savedReplies = {
  list: async (wid: string) => list(await request<{ items: SavedReply[] } | SavedReply[]>('GET', `${ws(wid)}/inbox/saved-replies`)),
  create: (wid: string, input: SavedReplyInput) => request<SavedReply>('POST', `${ws(wid)}/inbox/saved-replies`, input),
  update: (wid: string, id: string, patch: Partial<SavedReplyInput>) => request<SavedReply>('PATCH', `${ws(wid)}/inbox/saved-replies/${enc(id)}`, patch),
  remove: (wid: string, id: string) => request<void>('DELETE', `${ws(wid)}/inbox/saved-replies/${enc(id)}`),
};
