import { describe, expect, it } from 'vitest';
import { negationScope } from './negation.js';
import { tokenize } from './tokenize.js';

const scoped = (text: string) => {
  const tokens = tokenize(text);
  const scope = negationScope(tokens);
  return tokens.filter((_, i) => scope[i] === 1).map((t) => t.text);
};

describe('negationScope', () => {
  it('covers the words after a negator, up to punctuation or "but"', () => {
    expect(scoped('this is not good, it is great')).toEqual(['good']);
    expect(scoped('not bad but expensive')).toEqual(['bad']);
  });
  it('treats French ne … pas as one negation', () => {
    expect(scoped('je ne déteste pas les chats')).toEqual(['deteste', 'les', 'chats']);
  });
});
