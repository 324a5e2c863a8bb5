import { ROLES, can } from '../../shared/permissions.js';
import type { ApprovalStep, Decision } from './approval-policy.js';

export interface LegalReason {
  term: string;
  reason: string;
}

/**
 * A post whose text uses a term the charter sends to legal review takes one more approval step, after the
 * workspace's own: one approval from someone who keeps the charter.
 */
export const LEGAL_REVIEW_STEP: ApprovalStep = { roles: ROLES.filter((r) => can(r, 'charter.manage')), count: 1 };

/** The reasons stored by the post's last charter check; null when its text was never checked. */
export function legalReasonsOf(post: { charter_review?: string | null }): LegalReason[] | null {
  if (!post.charter_review) return null;
  const value = JSON.parse(post.charter_review) as { reasons?: LegalReason[] };
  return Array.isArray(value.reasons) ? value.reasons : [];
}

export const charterReviewJson = (reasons: readonly LegalReason[]) => JSON.stringify({ reasons });

/** The approval steps this post goes through: the workspace's, and legal review when its text asks for it. */
export function stepsFor(steps: readonly ApprovalStep[], post: { charter_review?: string | null }): ApprovalStep[] {
  return legalReasonsOf(post)?.length ? [...steps, LEGAL_REVIEW_STEP] : [...steps];
}

/** Whether the legal-review step (the last of `stepsFor`) has its approval on the decisions given. */
export function legalReviewDone(steps: readonly ApprovalStep[], decisions: readonly Decision[]): boolean {
  const step = steps.length;
  return decisions.some((d) => d.step === step && d.decision === 'approved' && LEGAL_REVIEW_STEP.roles.includes(d.role));
}

const PAST_REVIEW = new Set(['approved', 'scheduled', 'publishing', 'published', 'failed', 'unknown']);

/** What the post's view says of legal review, so that the approver sees why it is asked. */
export function charterReviewView(
  workspaceSteps: readonly ApprovalStep[],
  post: { status: string; charter_review?: string | null },
  decisions: readonly Decision[],
) {
  const reasons = legalReasonsOf(post);
  if (reasons === null) return null;
  const required = reasons.length > 0;
  const done = required && (PAST_REVIEW.has(post.status) || (post.status === 'in_review' && legalReviewDone(workspaceSteps, decisions)));
  return { required, done, reasons };
}
