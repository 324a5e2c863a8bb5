/**
 * French typography: a no-break space before ; : ! ? and inside « », so that a line never starts with a lone "?".
 * The fix inserts U+202F NARROW NO-BREAK SPACE, the thin space French printers use before ; ! ? and which the
 * Imprimerie nationale also accepts before ":"; one character for every mark keeps the rule simple, and networks
 * render it everywhere. A text that already has U+00A0 (what most keyboards type) is right as it is.
 * Left alone: links, times and ratios (12:30, 16:9), emoticons (":)", ";-)"), quoted words (someone else's
 * typography) and any message not in French. A matter of polish: a suggestion.
 */
import type { Finding } from '../findings.js';
import { finding, type CheckContext } from './finding.js';
import { inSpans, type Span } from './text.js';

export const NNBSP = '\u202f';
const MARKS = ';:!?';
const NO_BREAK = /[\u00a0\u202f]/;
const EMOTICON_AFTER = /^[-'^]?[)(\][DPpOo3|*/\\]/;

/** Inside quoted words; a quote's own marks (« ») are the writer's, but all of a "> " line is quoted. */
function quotedInside(text: string, quotes: readonly Span[], i: number): boolean {
  for (const q of quotes) if (i > q.start && (i < q.end - 1 || (text[q.start] === '>' && i < q.end))) return true;
  return false;
}

export function checkTypography(ctx: CheckContext): Finding[] {
  const { charter, message, language } = ctx;
  if (!charter.frenchTypography || language !== 'fr') return [];
  const { text } = message;
  const out: Finding[] = [];
  const flag = (start: number, end: number, mark: string, replaceStart: number, replaceEnd: number) => {
    out.push(finding({
      rule: 'typography.nbsp', severity: 'suggestion', start, end, params: { found: text.slice(start, end), mark },
      fix: { kind: 'insert_nbsp', edits: [{ start: replaceStart, end: replaceEnd, replacement: NNBSP }] },
    }));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '«') {
      if (inSpans(message.links, i) || quotedInside(text, message.quotes, i) || i + 1 >= text.length) continue;
      let e = i + 1;
      while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
      if (e < text.length && text[e] !== '\n' && !NO_BREAK.test(text[e]) && text[e] !== '»') flag(i, e, c, i + 1, e);
      continue;
    }
    if (c !== '»' && !MARKS.includes(c)) continue;
    if (c !== '»' && MARKS.includes(text[i - 1] ?? '')) continue; // "?!": the run is one mark
    if (inSpans(message.links, i) || quotedInside(text, message.quotes, i)) continue;
    if (c === ':' || c === ';') {
      if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      if (EMOTICON_AFTER.test(text.slice(i + 1, i + 3))) continue;
    }
    let s = i;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    if (s === 0 || text[s - 1] === '\n' || NO_BREAK.test(text[s - 1])) continue;
    if (c === '»' && text[s - 1] === '«') continue;
    flag(s, i + 1, c, s, i);
  }
  return out;
}
