import { describe, expect, it } from 'vitest';
import { ENGLISH_CHARTER } from '../fixtures.js';
import { charter, check, expectFixesHold, findingsOf, fixed, spansOf } from './helpers.js';

const FORMAL = charter({ voice: { englishRegister: 'formal' } });
const CASUAL = charter({ voice: { englishRegister: 'casual' } });
const en = (text: string) => check(FORMAL, text, { language: 'en' });

describe('English contractions under a formal register', () => {
  it.each([
    ["We don't ship on Sundays.", "don't", 'do not'],
    ["It doesn't matter.", "doesn't", 'does not'],
    ["We didn't see it.", "didn't", 'did not'],
    ["We can't wait.", "can't", 'cannot'],
    ["It won't happen again.", "won't", 'will not'],
    ["It isn't ready.", "isn't", 'is not'],
    ["They aren't here.", "aren't", 'are not'],
    ["It wasn't us.", "wasn't", 'was not'],
    ["We haven't heard.", "haven't", 'have not'],
    ["She hasn't called.", "hasn't", 'has not'],
    ["We wouldn't dare.", "wouldn't", 'would not'],
    ["You shouldn't worry.", "shouldn't", 'should not'],
    ["We couldn't agree more.", "couldn't", 'could not'],
    ["We're sorry.", "We're", 'We are'],
    ["You're right.", "You're", 'You are'],
    ["They're on their way.", "They're", 'They are'],
    ["I'm sorry.", "I'm", 'I am'],
    ["We've shipped it.", "We've", 'We have'],
    ["We'll call you.", "We'll", 'We will'],
    ["I'd suggest a refund.", "I'd", 'I would'],
    ["It's ready.", "It's", 'It is'],
    ["It's been a week.", "It's", 'It has'],
    ["That's right.", "That's", 'That is'],
    ["There's a queue.", "There's", 'There is'],
    ["Let's talk.", "Let's", 'Let us'],
    ['We’re here.', 'We’re', 'We are'],
    ["DON'T MISS IT", "DON'T", 'DO NOT'],
    ["Don't miss it.", "Don't", 'Do not'],
  ])('%j: %j → %j', (text, found, use) => {
    const r = en(text);
    const [f] = findingsOf(r, 'voice.contraction');
    expect(text.slice(f.start, f.end)).toBe(found);
    expect(f).toMatchObject({ severity: 'warning', params: { found, use } });
    expect(fixed(FORMAL, text, 'voice.contraction', { language: 'en' })).toBe(text.replace(found, use));
  });

  it.each([
    "The Hive Cooperative's honey.",
    "Our members' shares.",
    "It is five o'clock.",
    "Rock 'n' roll.",
    'He said "don\'t" twice.',
    '> I don\'t like it\nThank you for telling us.',
  ])('%j has no contraction to expand', (text) => {
    expect(findingsOf(en(text), 'voice.contraction')).toEqual([]);
  });

  it('a casual register, or a French message, keeps its contractions', () => {
    expect(check(CASUAL, "We don't mind.", { language: 'en' }).findings).toEqual([]);
    expect(findingsOf(check(FORMAL, "Aujourd'hui c'est don't.", { language: 'fr' }), 'voice.contraction')).toEqual([]);
  });

  it('every contraction in a message is fixed, one by one', () => {
    const text = "We're sorry it's late: we can't ship today, but we'll do it tomorrow and you won't pay.";
    expect(spansOf(text, en(text), 'voice.contraction')).toEqual(["We're", "it's", "can't", "we'll", "won't"]);
    expect(expectFixesHold(FORMAL, text, { language: 'en' })).toBe(5);
  });
});

describe('exclamation marks', () => {
  const ONE = charter({ voice: { maxExclamations: 1 } });
  const NONE = charter({ voice: { maxExclamations: 0 } });

  it.each([
    ['Merci !', 0],
    ['Merci ! À bientôt !', 1],
    ['Super !!!', 1],
    ['Wow! Great! Thanks!', 1],
    ['Lien https://example.org/#!/page et bravo !', 0],
    ['Elle a dit « Bravo ! » et « Merci ! » puis Super !', 0],
  ])('%j: %i over one', (text, findings) => {
    expect(findingsOf(check(ONE, text), 'voice.exclamations')).toHaveLength(findings);
  });

  it('points at the first mark over the limit and says how many', () => {
    const text = 'Merci ! À bientôt !';
    const [f] = findingsOf(check(ONE, text), 'voice.exclamations');
    expect(f.start).toBe(text.lastIndexOf('!'));
    expect(f).toMatchObject({ severity: 'suggestion', params: { count: 2, max: 1 } });
  });

  it.each([
    [ONE, 'Merci ! À bientôt !', 'Merci ! À bientôt.'],
    [ONE, 'Super !!!', 'Super !'],
    [NONE, 'Super !!!', 'Super.'],
    [NONE, 'Merci\u202f!', 'Merci.'],
    [NONE, 'Wow! Great! Thanks!', 'Wow. Great. Thanks.'],
    [NONE, 'Vraiment ?!', 'Vraiment ?'],
    [ONE, 'Wow!! Great!', 'Wow! Great.'],
  ])('fix: %j → %j', (c, text, out) => {
    expect(fixed(c, text, 'voice.exclamations')).toBe(out);
  });

  it('a formal English register allows none, whatever the limit', () => {
    expect(findingsOf(check(ENGLISH_CHARTER, 'Thank you!', { language: 'en' }), 'voice.exclamations')).toHaveLength(1);
    expect(findingsOf(check(CASUAL, 'Thank you!!!', { language: 'en' }), 'voice.exclamations')).toEqual([]);
  });
});
