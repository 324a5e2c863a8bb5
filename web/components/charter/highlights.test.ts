import { describe, expect, it } from 'vitest';
import { highlightRuns } from './highlights.js';

describe('highlight runs', () => {
  it('marks each span with its severity and keeps every character', () => {
    const text = 'Vous trouverez nos usagers ici';
    const runs = highlightRuns(text, [
      { start: 0, end: 4, severity: 'warning' },
      { start: 19, end: 26, severity: 'suggestion' },
    ]);
    expect(runs).toEqual([
      { text: 'Vous', severity: 'warning' },
      { text: ' trouverez nos ', severity: null },
      { text: 'usagers', severity: 'suggestion' },
      { text: ' ici', severity: null },
    ]);
  });

  it('shows the most serious of overlapping findings and ignores whole-message ones', () => {
    const runs = highlightRuns('abcdef', [
      { start: 0, end: 0, severity: 'blocking' },
      { start: 1, end: 4, severity: 'suggestion' },
      { start: 2, end: 3, severity: 'blocking' },
    ]);
    expect(runs).toEqual([
      { text: 'a', severity: null },
      { text: 'b', severity: 'suggestion' },
      { text: 'c', severity: 'blocking' },
      { text: 'd', severity: 'suggestion' },
      { text: 'ef', severity: null },
    ]);
  });
});
