import { describe, expect, it } from 'vitest';
import { excerpt, inert } from './text.js';

describe('inbox text', () => {
  it('replaces lone surrogate halves and keeps whole pairs', () => {
    expect(inert('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(inert('ok 🐝')).toBe('ok 🐝');
  });

  it('cuts very long texts without splitting a pair', () => {
    const long = 'x'.repeat(9) + '🐝🐝';
    expect(inert(long, 10)).toBe('x'.repeat(9) + '…');
    expect(inert('y'.repeat(50), 10)).toBe('y'.repeat(10) + '…');
  });

  it('folds whitespace for an excerpt', () => {
    expect(excerpt('  a\n\n b\t c ', 100)).toBe('a b c');
  });
});
