import { describe, expect, it } from 'vitest';
import { approvalState, canDecide, type ApprovalStep, type Decision } from './approval-policy.js';

const twoSteps: ApprovalStep[] = [
  { roles: ['strategist', 'admin'], count: 2 },
  { roles: ['client'], count: 1 },
];
const ok = (step: number, userId: string, role: Decision['role']): Decision => ({ step, userId, role, decision: 'approved' });

describe('approval policy', () => {
  it('needs nothing when the workspace has no steps', () => {
    expect(approvalState([], [])).toMatchObject({ required: false, complete: true });
  });

  it('waits for N different approvers of the right roles, step by step', () => {
    expect(approvalState(twoSteps, [])).toMatchObject({ complete: false, currentStep: 0, missing: 2 });
    // The same person twice counts once; a wrong role does not count.
    const d1 = [ok(0, 'u1', 'strategist'), ok(0, 'u1', 'strategist'), ok(0, 'u9', 'content_creator')];
    expect(approvalState(twoSteps, d1)).toMatchObject({ currentStep: 0, missing: 1 });
    const d2 = [...d1, ok(0, 'u2', 'admin')];
    expect(approvalState(twoSteps, d2)).toMatchObject({ currentStep: 1, missing: 1 });
    expect(approvalState(twoSteps, [...d2, ok(1, 'c1', 'client')])).toMatchObject({ complete: true, currentStep: null });
  });

  it('stops on a request for changes', () => {
    const d = [ok(0, 'u1', 'strategist'), { step: 0, userId: 'u2', role: 'admin' as const, decision: 'changes_requested' as const }];
    expect(approvalState(twoSteps, d)).toMatchObject({ complete: false, changesRequested: true });
  });

  it('lets only the right role decide, once per step', () => {
    expect(canDecide(twoSteps, [], { userId: 'c1', role: 'client' })).toBe(false);
    expect(canDecide(twoSteps, [], { userId: 'u1', role: 'strategist' })).toBe(true);
    expect(canDecide(twoSteps, [ok(0, 'u1', 'strategist')], { userId: 'u1', role: 'strategist' })).toBe(false);
    const firstDone = [ok(0, 'u1', 'strategist'), ok(0, 'u2', 'admin')];
    expect(canDecide(twoSteps, firstDone, { userId: 'c1', role: 'client' })).toBe(true);
  });
});
