import { describe, expect, it } from 'vitest';
import { excerpt, highlight, inert } from './text.js';

describe('moderation text', () => {
  it('marks the weighed words whatever their case and accents', () => {
    const runs = highlight('Tu es un IDIOT, vraiment débile', ['idiot', 'debile']);
    expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['IDIOT', 'débile']);
    expect(runs.map((r) => r.text).join('')).toBe('Tu es un IDIOT, vraiment débile');
  });

  it('ignores one-letter and empty words', () => {
    expect(highlight('a b c', ['a', '', ' ']).every((r) => !r.marked)).toBe(true);
  });

  it('replaces broken UTF-16 and caps the length', () => {
    expect(inert('x\ud800y')).toBe('x\ufffdy');
    expect(excerpt('a   b\n\nc', 3)).toBe('a b…');
  });
});
