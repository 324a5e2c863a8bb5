import { z } from '@hono/zod-openapi';
import { NetworkOptionsSchema } from './network-options.js';

const Text = z.string().max(20_000);
const Id = z.string().min(1).max(64);

export const PostInput = z.strictObject({
  body: Text,
  thread: z.array(Text.min(1)).max(24).optional(),
  labels: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as fr or en-GB').nullable().optional(),
  campaignId: Id.nullable().optional(),
  accountIds: z.array(Id).max(50),
  /** Per-account variants of the text; an absent account uses the main text. */
  variants: z.record(Id, Text).optional(),
  mediaIds: z.array(Id).max(10).optional(),
  /** Per-network settings (Instagram format, first comment, YouTube title, Pinterest board...), by network. */
  options: NetworkOptionsSchema.optional(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type PostInput = z.infer<typeof PostInput>;

export const PostUpdate = PostInput.partial().extend({
  /** The version the editor started from: a concurrent edit answers 409 instead of being overwritten. */
  expectedVersion: z.number().int().positive().optional(),
});
export type PostUpdate = z.infer<typeof PostUpdate>;

const DecisionFields = {
  decision: z.enum(['approved', 'changes_requested']),
  comment: z.string().max(2000).default(''),
};
// Asking for changes without saying which leaves the author guessing.
const saysWhatToChange = (d: { decision: string; comment: string }) => d.decision !== 'changes_requested' || d.comment.trim().length > 0;
const commentNeeded = { path: ['comment'], message: 'say what to change when asking for changes' };

export const Decide = z.strictObject(DecisionFields).refine(saysWhatToChange, commentNeeded);

/** The same decision on several posts at once (the approvals list's "Approve selected"). */
export const BulkDecide = z
  .strictObject({ ids: z.array(Id).min(1).max(100), ...DecisionFields })
  .refine(saysWhatToChange, commentNeeded);

export const ScheduleInput = z.strictObject({
  /** A time, "next_slot" (each account's next free queue slot, the latest of them), or "now". */
  at: z.union([z.iso.datetime({ offset: true }), z.literal('next_slot'), z.literal('now')]),
});

export const CommentInput = z.strictObject({
  body: z.string().trim().min(1).max(4000),
  /** For the team's comments: shown to clients too. Without it, a team member's comment stays internal. */
  visibleToClient: z.boolean().optional(),
});
