import type { HiddenCharacters, Reason } from '../types.js';

// Overrides (U+202D, U+202E) force a direction on what follows: "gnp.exe" after U+202E reads "exe.png".
const OVERRIDES = /[\u202d\u202e]/g;
// Embeddings, their terminator, and isolates: legitimate around right-to-left words, a trick anywhere else.
const EMBEDDINGS = /[\u202a-\u202c\u2066-\u2069]/g;
// Direction marks: invisible, ordinary in right-to-left writing, and enough to reorder "exe.gnp" in Latin text.
const MARKS = /[\u200e\u200f\u061c]/g;
// Any of the above: most texts have none and skip the three scans.
const ANY = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Direction controls hidden in a text, all counted. An override is always reported and weighs as a scam cue;
 * embeddings, isolates and marks only in a text with no right-to-left letters, where they have no business being.
 */
export function hiddenCharacters(raw: string): { result: HiddenCharacters; reasons: Reason[]; weight: number } {
  if (!ANY.test(raw)) return { result: { bidiOverride: false, count: 0, characters: [] }, reasons: [], weight: 0 };
  const overrides = raw.match(OVERRIDES) ?? [];
  const others = [...(raw.match(EMBEDDINGS) ?? []), ...(raw.match(MARKS) ?? [])];
  const found = [...overrides, ...others];
  const characters = [...new Set(found.map(codePoint))].sort();
  const weight = overrides.length > 0 ? 2.5 : others.length > 0 && !RTL_LETTER.test(raw) ? 1.5 : 0;
  const result: HiddenCharacters = { bidiOverride: weight > 0, count: found.length, characters };
  if (weight === 0) return { result, reasons: [], weight };
  return { result, weight, reasons: [{ category: 'spam', rule: 'bidi-override', text: characters.join(' '), weight }] };
}
