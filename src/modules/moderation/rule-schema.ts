import { z } from '@hono/zod-openapi';
import { checkPattern } from './safe-pattern.js';

export const TOXICITY_CATEGORIES = ['insult', 'hate', 'threat', 'sexual', 'spam'] as const;
export const ITEM_KINDS = ['reply', 'mention', 'quote', 'message'] as const;
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/** Actions that change something on the network, each carried out by the moderation.act job. */
export const NETWORK_ACTIONS = ['hide', 'delete', 'block', 'mute', 'report'] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];
/** What a member may do to an item by hand, undos included. */
export const ITEM_ACTIONS = ['hide', 'unhide', 'delete', 'block', 'unblock', 'mute', 'unmute', 'report'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

const words = (max: number) => z.array(z.string().trim().min(1).max(100)).min(1).max(max);

export const RuleConditionsSchema = z
  .strictObject({
    toxicity: z.strictObject({ category: z.enum(['any', ...TOXICITY_CATEGORIES]), min: z.number().min(0).max(1) }).optional(),
    keywords: words(200).optional(),
    pattern: z
      .string()
      .superRefine((p, ctx) => {
        const check = checkPattern(p);
        if (!check.ok) ctx.addIssue({ code: 'custom', message: check.error });
      })
      .optional(),
    languages: z.array(z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'a language code such as fr')).min(1).max(50).optional(),
    authorLists: words(50).optional(),
    authorMaxAgeDays: z.number().int().min(0).max(36_500).optional(),
    authorMinFollowers: z.number().int().min(0).optional(),
    authorMaxFollowers: z.number().int().min(0).optional(),
    hasLink: z.boolean().optional(),
    networks: z.array(z.string().min(1).max(40)).min(1).max(20).optional(),
    kinds: z.array(z.enum(ITEM_KINDS)).min(1).optional(),
    sentiment: z.array(z.enum(SENTIMENTS)).min(1).optional(),
    complaint: z.boolean().optional(),
    authorRemovedAtLeast: z.number().int().min(1).max(1_000_000).optional(),
  })
  .openapi('RuleConditions');
export type RuleConditions = z.infer<typeof RuleConditionsSchema>;

export const RuleActionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.enum(['hide', 'delete', 'block', 'mute', 'escalate', 'review']) }),
    z.strictObject({ type: z.literal('report'), reason: z.string().trim().max(1000).optional() }),
    z.strictObject({ type: z.literal('label'), label: z.string().trim().min(1).max(60) }),
    z.strictObject({ type: z.literal('assign'), userId: z.string().min(1).max(64) }),
    z.strictObject({ type: z.literal('email'), to: z.email().max(254) }),
    z.strictObject({ type: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }).max(2048) }),
    z.strictObject({ type: z.literal('reply'), savedReplyId: z.string().min(1).max(64) }),
    z.strictObject({ type: z.literal('ticket'), department: z.string().min(1).max(64) }),
  ])
  .openapi('RuleAction');
export type RuleAction = z.infer<typeof RuleActionSchema>;
export type RuleActionType = RuleAction['type'];

export const RuleActionsSchema = z.array(RuleActionSchema).min(1).max(20);

export const RuleInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean().default(true),
    conditions: RuleConditionsSchema,
    actions: RuleActionsSchema,
    stop: z.boolean().default(false),
  })
  .openapi('RuleInput');
export type RuleInput = z.infer<typeof RuleInputSchema>;

export const RuleUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean(),
    conditions: RuleConditionsSchema,
    actions: RuleActionsSchema,
    stop: z.boolean(),
  })
  .partial()
  .openapi('RuleUpdate');

export const isNetworkAction = (type: string): type is NetworkAction => (NETWORK_ACTIONS as readonly string[]).includes(type);
