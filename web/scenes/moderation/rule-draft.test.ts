import { describe, expect, it } from 'vitest';
import { draftProblems, emptyDraft, fromRule, toActions, toConditions } from './rule-draft.js';

describe('rule drafts', () => {
  it('turn filled fields into conditions and leave empty ones out', () => {
    const d = { ...emptyDraft(), name: 'Hate', toxicity: 'hate' as const, threshold: 0.9, keywords: 'scam, , free money', link: 'yes' as const, minFollowers: '10' };
    expect(toConditions(d)).toEqual({ toxicity: { category: 'hate', min: 0.9 }, keywords: ['scam', 'free money'], hasLink: true, authorMinFollowers: 10 });
  });

  it('round-trip a rule with every kind of action', () => {
    const rule = {
      name: 'All',
      conditions: { complaint: false, kinds: ['reply' as const], authorRemovedAtLeast: 3 },
      actions: [{ type: 'hide' as const }, { type: 'label' as const, label: 'hate' }, { type: 'reply' as const, savedReplyId: 's1' }, { type: 'ticket' as const, department: 'legal' }],
      stop: true,
    };
    const d = fromRule(rule);
    expect(toConditions(d)).toEqual(rule.conditions);
    expect(toActions(d)).toEqual(rule.actions);
    expect(d.stop).toBe(true);
  });

  it('names what is missing before a save', () => {
    const d = { ...emptyDraft(), pattern: '(unclosed', actions: { email: true }, email: 'nobody', minFollowers: '9', maxFollowers: '2' };
    expect(draftProblems(d)).toEqual(['name', 'pattern', 'email', 'followers']);
  });
});
