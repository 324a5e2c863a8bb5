const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A short, single-line piece of someone's text for a notification: whitespace folded, control characters
 * dropped, cut on a character boundary. What it shows is still escaped by whoever renders it.
 */
export function excerpt(text: string | null | undefined, max = 140): string {
  // eslint-disable-next-line no-control-regex
  const flat = (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const parts = Array.from(graphemes.segment(flat), (s) => s.segment);
  if (parts.length <= max) return flat;
  return `${parts.slice(0, max - 1).join('').trimEnd()}…`;
}
