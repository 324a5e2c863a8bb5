import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/shared/charter/findings.js';
import { caretAfterEdits } from './caret.js';

describe('caret after a fix', () => {
  const text = 'Vous aimez le miel ? Venez !';
  const edits = [
    { start: 0, end: 4, replacement: 'Tu' },
    { start: 5, end: 10, replacement: 'aimes' },
    { start: 21, end: 26, replacement: 'Viens' },
  ];

  it('follows the text it stood in', () => {
    const fixed = applyEdits(text, edits);
    expect(fixed).toBe('Tu aimes le miel ? Viens !');
    // After "miel": two characters fewer before it.
    expect(fixed.slice(0, caretAfterEdits(text.indexOf(' ?'), edits))).toBe('Tu aimes le miel');
    expect(caretAfterEdits(text.length, edits)).toBe(fixed.length);
    expect(caretAfterEdits(0, edits)).toBe(0);
  });

  it('lands after a replacement it stood inside', () => {
    const fixed = applyEdits(text, edits);
    expect(fixed.slice(0, caretAfterEdits(7, edits))).toBe('Tu aimes');
  });

  it('goes after a hashtag added at its place', () => {
    const add = [{ start: 9, end: 9, replacement: ' #Ruche' }];
    expect(caretAfterEdits(9, add)).toBe(16);
    expect(caretAfterEdits(3, add)).toBe(3);
  });
});
