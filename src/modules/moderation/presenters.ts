import { z } from '@hono/zod-openapi';
import { categoriesOf, parseList, reasonsOf, type AuthorRow, type ItemRow } from './items.js';
import type { Rule } from './rules-store.js';
import { RuleActionSchema, RuleConditionsSchema } from './rule-schema.js';

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const ReasonView = z.object({ category: z.string(), rule: z.string(), text: z.string(), weight: z.number() }).openapi('ModerationReason');

export const ModerationAuthorView = z
  .object({
    id: z.string(), network: z.string(), externalId: z.string(), handle: z.string(), displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(), followers: z.number().nullable(), accountCreatedAt: z.string().nullable(), firstSeenAt: z.string(),
    itemCount: z.number(), removedCount: z.number(), advocate: z.boolean(), blocked: z.boolean(), muted: z.boolean(), lists: z.array(z.string()),
  })
  .openapi('ModerationAuthor');

export const ModeratedItemView = z
  .object({
    id: z.string(), accountId: z.string().nullable(), network: z.string(), kind: z.string(), externalId: z.string(), url: z.string().nullable(),
    text: z.string(), createdAt: z.string(), receivedAt: z.string(), author: ModerationAuthorView, language: z.string(), sentiment: z.string(),
    sentimentScore: z.number(), toxicity: z.number(), toxicityCategory: z.string().nullable(),
    categories: z.object({ insult: z.number(), hate: z.number(), threat: z.number(), sexual: z.number(), spam: z.number() }),
    complaint: z.boolean(), complaintScore: z.number(), risk: z.number(), reasons: z.array(ReasonView), hasLink: z.boolean(),
    status: z.string(), assigneeId: z.string().nullable(), labels: z.array(z.string()), moderation: z.string().nullable(),
    postId: z.string().nullable(), threadKey: z.string(), parentExternalId: z.string().nullable(),
  })
  .openapi('ModeratedItem');

export const RuleView = z
  .object({
    id: z.string(), name: z.string(), position: z.number(), enabled: z.boolean(), stop: z.boolean(),
    conditions: RuleConditionsSchema, actions: z.array(RuleActionSchema), createdAt: z.string(), updatedAt: z.string(),
  })
  .openapi('ModerationRule');

export function presentAuthor(a: AuthorRow): z.infer<typeof ModerationAuthorView> {
  return {
    id: a.id, network: a.network, externalId: a.external_id, handle: a.handle, displayName: a.display_name, avatarUrl: a.avatar_url,
    followers: a.followers === null ? null : Number(a.followers), accountCreatedAt: iso(a.account_created_at), firstSeenAt: iso(a.first_seen_at)!,
    itemCount: Number(a.item_count), removedCount: Number(a.removed_count), advocate: Number(a.advocate) === 1,
    blocked: a.blocked_at !== null, muted: a.muted_at !== null, lists: parseList(a.lists),
  };
}

export function presentItem(item: ItemRow, author: AuthorRow): z.infer<typeof ModeratedItemView> {
  return {
    id: item.id, accountId: item.account_id, network: item.network, kind: item.kind, externalId: item.external_id, url: item.url, text: item.text,
    createdAt: iso(item.created_at)!, receivedAt: iso(item.received_at)!, author: presentAuthor(author), language: item.language,
    sentiment: item.sentiment, sentimentScore: Number(item.sentiment_score), toxicity: Number(item.toxicity), toxicityCategory: item.toxicity_category,
    categories: categoriesOf(item), complaint: Number(item.complaint) === 1, complaintScore: Number(item.complaint_score), risk: Number(item.risk),
    reasons: reasonsOf(item), hasLink: Number(item.has_link) === 1, status: item.status, assigneeId: item.assignee_id, labels: parseList(item.labels),
    moderation: item.moderation, postId: item.post_id, threadKey: item.thread_key, parentExternalId: item.parent_external_id,
  };
}

export function presentRule(r: Rule): z.infer<typeof RuleView> {
  return {
    id: r.id, name: r.name, position: r.position, enabled: r.enabled, stop: r.stop, conditions: r.conditions, actions: r.actions,
    createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!,
  };
}
