import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.js';

describe('excerpt', () => {
  it('keeps a short text as it is, on one line', () => {
    expect(excerpt('Hello\n\n  world\t!')).toBe('Hello world !');
  });

  it('cuts a long text on a character boundary and marks the cut', () => {
    const out = excerpt('👩‍👩‍👧 '.repeat(100), 10);
    expect(Array.from(new Intl.Segmenter().segment(out))).toHaveLength(10);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/\uFFFD/);
  });

  it('drops control characters that could break a mail header or a line', () => {
    expect(excerpt('a\u0000b\u001bc\u2028d')).toBe('a b c d');
  });

  it('treats missing text as empty', () => {
    expect(excerpt(null)).toBe('');
  });
});
