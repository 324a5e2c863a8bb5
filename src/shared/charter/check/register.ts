/**
 * Register: English contractions where the charter asks for a formal register, and exclamation marks beyond the
 * charter's limit in either language (a formal English register allows none). Quoted text is someone else's voice
 * and is exempt. A contraction is a matter of voice, not of law or of the network: a warning; exclamation marks, a
 * suggestion.
 */
import type { Finding, TextEdit } from '../findings.js';
import { finding, matchCase, type CheckContext } from './finding.js';
import { inSpans } from './text.js';

const NOT: Record<string, string> = {
  don: 'do not', doesn: 'does not', didn: 'did not', can: 'cannot', won: 'will not', shan: 'shall not', isn: 'is not',
  aren: 'are not', wasn: 'was not', weren: 'were not', haven: 'have not', hasn: 'has not', hadn: 'had not',
  wouldn: 'would not', shouldn: 'should not', couldn: 'could not', mustn: 'must not', needn: 'need not',
  mightn: 'might not', ain: 'is not',
};
const PRONOUN_VERB: Record<string, string> = { m: 'am', re: 'are', ve: 'have', ll: 'will', d: 'would' };
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'what', 'who', 'where', 'here', 'how', 'let', 'this']);

// word'suffix, with either apostrophe: don't, we’re, it's, I'd.
const CONTRACTION = /\b([A-Za-z]+)['’]([A-Za-z]{1,2})\b/g;

function expand(head: string, tail: string, next: string): string | null {
  const h = head.toLowerCase();
  const t = tail.toLowerCase();
  if (t === 't' && h.endsWith('n')) return NOT[h] ?? null;
  if (!PRONOUNS.has(h)) return null;
  if (t === 's') {
    if (h === 'let') return 'let us';
    // "it's been" is "it has been"; otherwise "it is".
    return `${h} ${/^(?:been|got)\b/i.test(next) ? 'has' : 'is'}`;
  }
  const verb = PRONOUN_VERB[t];
  if (!verb) return null;
  if (t === 'm' && h !== 'i') return null;
  if (t === 'd' && /^(?:been|had|got)\b/i.test(next)) return `${h} had`;
  return `${h} ${verb}`;
}

export function checkContractions(ctx: CheckContext): Finding[] {
  const { charter, message, language } = ctx;
  if (charter.voice.englishRegister !== 'formal' || language !== 'en') return [];
  const { text } = message;
  const out: Finding[] = [];
  CONTRACTION.lastIndex = 0;
  for (let m = CONTRACTION.exec(text); m; m = CONTRACTION.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inSpans(message.quotes, start, end) || inSpans(message.links, start, end)) continue;
    const expanded = expand(m[1], m[2], text.slice(end).trimStart());
    if (!expanded) continue;
    const replacement = matchCase(m[0], expanded);
    out.push(finding({
      rule: 'voice.contraction', severity: 'warning', start, end,
      params: { found: m[0], use: replacement },
      fix: { kind: 'expand_contraction', edits: [{ start, end, replacement }] },
    }));
  }
  return out;
}

export function checkExclamations(ctx: CheckContext): Finding[] {
  const { charter, message, language } = ctx;
  const formal = language === 'en' && charter.voice.englishRegister === 'formal';
  const limit = formal ? 0 : charter.voice.maxExclamations;
  if (limit === null) return [];
  const { text } = message;
  const marks: number[] = [];
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) {
    if (!inSpans(message.quotes, i) && !inSpans(message.links, i)) marks.push(i);
  }
  if (marks.length <= limit) return [];
  // The fix keeps the first marks allowed; a run ("!!!") shrinks to one, an extra sentence ends with a full stop.
  const edits: TextEdit[] = [];
  let kept = 0;
  for (let k = 0; k < marks.length; k++) {
    const i = marks[k];
    const inRun = k > 0 && marks[k - 1] === i - 1;
    if (!inRun && kept < limit) {
      kept++;
      continue;
    }
    if (inRun) {
      edits.push({ start: i, end: i + 1, replacement: '' });
      continue;
    }
    // "Merci !" becomes "Merci." rather than "Merci .": the space before the mark goes too.
    let s = i;
    while (s > 0 && /[ \u00a0\u202f]/.test(text[s - 1])) s--;
    const alreadyEnds = s > 0 && /[.?…]/.test(text[s - 1]);
    const followedByQuestion = text[i + 1] === '?';
    edits.push({ start: s, end: i + 1, replacement: alreadyEnds || followedByQuestion ? '' : '.' });
  }
  const first = edits[0];
  const at = marks.find((i) => i >= first.start) ?? marks[0];
  return [finding({
    rule: 'voice.exclamations', severity: 'suggestion', start: at, end: at + 1,
    params: { count: marks.length, max: limit },
    fix: { kind: 'remove', edits: merge(edits) },
  })];
}

function merge(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && last.end >= e.start) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, e.end), replacement: last.replacement + e.replacement };
    } else out.push(e);
  }
  return out;
}
