import { describe, expect, it } from 'vitest';
import { directionMarker, hasDirectionControls, showDirectionControls } from './bidi.js';

describe('direction controls', () => {
  it('shows a right-to-left override as a marker, so a file name reads as what it is', () => {
    const name = 'invoice\u202Egnp.exe';
    expect(hasDirectionControls(name)).toBe(true);
    expect(showDirectionControls(name)).toBe('invoice⟮U+202E⟯gnp.exe');
  });

  it('marks every embedding, override, isolate and mark, and nothing else', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    for (const c of controls) expect(showDirectionControls(`a${c}b`)).toBe(`a${directionMarker(c)}b`);
    expect(directionMarker('\u061C')).toBe('⟮U+061C⟯');
    const ordinary = 'Café « été » — مرحبا שלום 👩‍👩‍👧 \u200D\u00A0';
    expect(hasDirectionControls(ordinary)).toBe(false);
    expect(showDirectionControls(ordinary)).toBe(ordinary);
  });

  it('gives the same answer however often it is asked', () => {
    expect([hasDirectionControls('x\u202E'), hasDirectionControls('x\u202E'), hasDirectionControls('x')]).toEqual([true, true, false]);
  });
});
