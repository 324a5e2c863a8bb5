import { describe, expect, it } from 'vitest';
import { compileConditions, type RuleSubject } from '../../src/modules/moderation/conditions.js';
import { checkPattern } from '../../src/modules/moderation/safe-pattern.js';
import { RuleConditionsSchema } from '../../src/modules/moderation/rule-schema.js';

const NOW = Date.UTC(2026, 11, 3);
const subject = (over: Partial<RuleSubject> = {}, author: Partial<RuleSubject['author']> = {}): RuleSubject => ({
  network: 'bluesky', kind: 'reply', text: 'Thanks for the quick answer', language: 'en', sentiment: 'positive', complaint: false, hasLink: false,
  categories: { insult: 0, hate: 0, threat: 0, sexual: 0, spam: 0 },
  author: { lists: [], followers: 120, accountCreatedAt: NOW - 400 * 86_400_000, removedCount: 0, ...author },
  now: NOW, ...over,
});
const matches = (conditions: object, s: RuleSubject) => compileConditions(RuleConditionsSchema.parse(conditions))(s);

describe('rule conditions', () => {
  it('match anything when empty', () => {
    expect(matches({}, subject())).toBe(true);
  });

  it('toxicity: one category or any, at or above the threshold', () => {
    const hateful = subject({ categories: { insult: 0.2, hate: 0.93, threat: 0, sexual: 0, spam: 0 } });
    expect(matches({ toxicity: { category: 'hate', min: 0.9 } }, hateful)).toBe(true);
    expect(matches({ toxicity: { category: 'threat', min: 0.9 } }, hateful)).toBe(false);
    expect(matches({ toxicity: { category: 'any', min: 0.5 } }, hateful)).toBe(true);
    expect(matches({ toxicity: { category: 'any', min: 0.5 } }, subject())).toBe(false);
  });

  it('keywords: whole words, case and accents folded', () => {
    const s = subject({ text: 'Quelle ARNAQUE, remboursement immédiat !' });
    expect(matches({ keywords: ['arnaque'] }, s)).toBe(true);
    expect(matches({ keywords: ['Remboursement  immediat'] }, s)).toBe(true);
    expect(matches({ keywords: ['arnaq'] }, s)).toBe(false);
    expect(matches({ keywords: ['arnaqueur', 'escroc'] }, s)).toBe(false);
  });

  it('pattern: a regular expression, tried on the text as written and folded', () => {
    expect(matches({ pattern: 'promo\\s*code' }, subject({ text: 'Use PROMO CODE 42' }))).toBe(true);
    expect(matches({ pattern: 'cafe' }, subject({ text: 'Le café est froid' }))).toBe(true);
    expect(matches({ pattern: '^free' }, subject({ text: 'not free' }))).toBe(false);
  });

  it('refuses patterns that could run for ever, with a clear error', () => {
    for (const p of ['(a+)+$', '(\\w+\\s?)*x', '(a|aa)*b', '(.*a){3}', '(x)\\1', '(?<n>a)\\k<n>', 'a'.repeat(201)]) {
      const check = checkPattern(p);
      expect(check.ok, p).toBe(false);
    }
    expect(checkPattern('(ab)+c').ok).toBe(true);
    expect(checkPattern('[a-z]+@[a-z]+\\.com').ok).toBe(true);
    const parsed = RuleConditionsSchema.safeParse({ pattern: '(a+)+' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/Nested repetition/);
  });

  it('languages, networks, kinds, sentiment, complaint and links', () => {
    const s = subject({ language: 'fr', network: 'mastodon', kind: 'mention', sentiment: 'negative', complaint: true, hasLink: true });
    expect(matches({ languages: ['FR', 'de'] }, s)).toBe(true);
    expect(matches({ languages: ['en'] }, s)).toBe(false);
    expect(matches({ networks: ['mastodon'] }, s)).toBe(true);
    expect(matches({ networks: ['bluesky'] }, s)).toBe(false);
    expect(matches({ kinds: ['mention', 'quote'] }, s)).toBe(true);
    expect(matches({ kinds: ['reply'] }, s)).toBe(false);
    expect(matches({ sentiment: ['negative'] }, s)).toBe(true);
    expect(matches({ sentiment: ['positive', 'neutral'] }, s)).toBe(false);
    expect(matches({ complaint: true }, s)).toBe(true);
    expect(matches({ complaint: false }, s)).toBe(false);
    expect(matches({ hasLink: true }, s)).toBe(true);
    expect(matches({ hasLink: false }, s)).toBe(false);
  });

  it('author: lists, account age, followers, removed items; unknown facts never match', () => {
    const young = subject({}, { lists: ['Watch'], accountCreatedAt: NOW - 2 * 86_400_000, followers: 3, removedCount: 4 });
    expect(matches({ authorLists: ['watch'] }, young)).toBe(true);
    expect(matches({ authorLists: ['vip'] }, young)).toBe(false);
    expect(matches({ authorMaxAgeDays: 7 }, young)).toBe(true);
    expect(matches({ authorMaxAgeDays: 7 }, subject())).toBe(false);
    expect(matches({ authorMaxAgeDays: 7 }, subject({}, { accountCreatedAt: null }))).toBe(false);
    expect(matches({ authorMaxFollowers: 10 }, young)).toBe(true);
    expect(matches({ authorMinFollowers: 10 }, young)).toBe(false);
    expect(matches({ authorMinFollowers: 10 }, subject())).toBe(true);
    expect(matches({ authorMinFollowers: 0 }, subject({}, { followers: null }))).toBe(false);
    expect(matches({ authorRemovedAtLeast: 3 }, young)).toBe(true);
    expect(matches({ authorRemovedAtLeast: 5 }, young)).toBe(false);
  });

  it('all conditions must hold', () => {
    const s = subject({ text: 'buy now', hasLink: true });
    expect(matches({ keywords: ['buy'], hasLink: true }, s)).toBe(true);
    expect(matches({ keywords: ['buy'], hasLink: false }, s)).toBe(false);
  });
});
