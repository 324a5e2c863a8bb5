/**
 * X's weighted length (twitter-text configuration v3, the one X's own composer uses): a post weighs at most 280;
 * code points in the listed ranges (Latin, general punctuation) weigh 1, every other one 2 (CJK, most scripts),
 * an emoji sequence weighs 2 whatever its code points, and a URL weighs 23 whatever its length. The text is
 * counted after NFC normalisation, as X counts it. The `twitter-text` package carries the same rules but has had no
 * release since 2020, so the ranges are kept here.
 */
import type { TextCount } from '../types.js';

export const X_MAX_WEIGHT = 280;
export const X_URL_WEIGHT = 23;

// Config v3: weights are in hundredths; the scale is 100 and the default weight 200.
const LIGHT_RANGES: ReadonlyArray<[number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
// What X's autolinker recognises as a URL: with a scheme, or a bare domain under a known ending.
const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]|\b(?:[a-z0-9-]+\.)+(?:com|org|net|fr|io|co|dev|app|info|eu|de|uk|be|ch|ca|me|tv|ly)\b(?:\/[^\s<>"']*[^\s<>"'.,;:!?)\]])?/giu;

const codePointWeight = (cp: number) => (LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2);

function weighPlain(text: string): number {
  let weight = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) {
      weight += 2;
      continue;
    }
    for (const ch of segment) weight += codePointWeight(ch.codePointAt(0)!);
  }
  return weight;
}

/** The weight X gives `text`, against its 280. */
export function countXText(text: string): TextCount {
  const normal = text.normalize('NFC');
  let used = 0;
  let last = 0;
  for (const m of normal.matchAll(URL_RE)) {
    used += weighPlain(normal.slice(last, m.index)) + X_URL_WEIGHT;
    last = m.index + m[0].length;
  }
  used += weighPlain(normal.slice(last));
  return { used, max: X_MAX_WEIGHT };
}
