/**
 * Splits a post's text into plain runs and the parts a network highlights (links, hashtags, mentions),
 * so previews render them as text with a style, never as HTML.
 */
export type Run = { kind: 'text' | 'link' | 'hashtag' | 'mention'; text: string };

const TOKEN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])|(#[\p{L}\p{N}_]+)|(@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+\p{L})?)/gu;

export function runs(text: string): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    out.push({ kind: match[1] ? 'link' : match[2] ? 'hashtag' : 'mention', text: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
