/**
 * Where each grapheme cluster (a character as the reader sees it) ends. Intl.Segmenter is right but slow on every
 * keystroke, so only the stretches that can form clusters (emoji, combining marks, other scripts, line breaks) go
 * through it; Latin letters, digits and punctuation are one cluster each.
 */
let segmenter: Intl.Segmenter | null = null;

// Characters that always stand alone and never extend the cluster before them.
const COMPLEX = /[^\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u214f]+/g;

export function graphemeEnds(text: string): number[] {
  const ends: number[] = [];
  let at = 0;
  COMPLEX.lastIndex = 0;
  for (let m = COMPLEX.exec(text); m; m = COMPLEX.exec(text)) {
    // A combining mark or a variation selector belongs to the character before it: segment that one too.
    const from = m.index > at ? m.index - 1 : m.index;
    for (let k = at; k < from; k++) ends.push(k + 1);
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { segment, index } of segmenter.segment(text.slice(from, m.index + m[0].length))) ends.push(from + index + segment.length);
    at = m.index + m[0].length;
  }
  for (let k = at; k < text.length; k++) ends.push(k + 1);
  return ends;
}
