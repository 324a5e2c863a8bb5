import { z } from 'zod';
import { ROLES, type RoleName } from '../../shared/permissions.js';

/** One approval step: `count` different people holding one of `roles` must approve. */
export const ApprovalStep = z.strictObject({
  roles: z.array(z.enum(ROLES)).min(1),
  count: z.number().int().min(1).max(10),
});
export const ApprovalSteps = z.array(ApprovalStep).max(5);
export type ApprovalStep = z.infer<typeof ApprovalStep>;

export interface Decision {
  step: number;
  userId: string;
  role: RoleName;
  decision: 'approved' | 'changes_requested';
}

export interface ApprovalState {
  required: boolean;
  complete: boolean;
  /** The step waiting for approvals, or null when complete. */
  currentStep: number | null;
  /** Approvals still needed at the current step. */
  missing: number;
  changesRequested: boolean;
}

/**
 * Where a post stands against the workspace's steps, from the decisions on its current version.
 * Steps are met in order; one person counts once per step; a request for changes stops everything.
 */
export function approvalState(steps: readonly ApprovalStep[], decisions: readonly Decision[]): ApprovalState {
  if (steps.length === 0) return { required: false, complete: true, currentStep: null, missing: 0, changesRequested: false };
  if (decisions.some((d) => d.decision === 'changes_requested')) {
    return { required: true, complete: false, currentStep: 0, missing: steps[0].count, changesRequested: true };
  }
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const approvers = new Set(
      decisions.filter((d) => d.step === i && d.decision === 'approved' && step.roles.includes(d.role)).map((d) => d.userId),
    );
    if (approvers.size < step.count) {
      return { required: true, complete: false, currentStep: i, missing: step.count - approvers.size, changesRequested: false };
    }
  }
  return { required: true, complete: true, currentStep: null, missing: 0, changesRequested: false };
}

/** Whether this person may decide at the current step (right role, not already counted there). */
export function canDecide(
  steps: readonly ApprovalStep[],
  decisions: readonly Decision[],
  who: { userId: string; role: RoleName },
): boolean {
  const state = approvalState(steps, decisions);
  if (state.currentStep === null) return false;
  const step = steps[state.currentStep];
  const already = decisions.some((d) => d.step === state.currentStep && d.userId === who.userId);
  return step.roles.includes(who.role) && !already;
}
