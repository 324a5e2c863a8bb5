import { skeleton } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';
import type { TermHit } from '../lexicon/terms.js';

/**
 * The text as one line of word skeletons ("i wil kil you"), with punctuation as " . ", for rules written as regular
 * expressions. Spans (e.g. group names) can be replaced by a placeholder such as GRP.
 */
export function plainText(tokens: Token[], spans: { hit: TermHit<unknown>; as: string }[] = []): string {
  if (spans.length === 0) {
    let s = '';
    let first = true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const k = t.kind;
      const w = k === 'word' || k === 'hashtag' ? t.skel : k === 'mention' ? '@' : k === 'punct' || k === 'url' ? '.' : undefined;
      if (w === undefined) continue;
      s = first ? w : `${s} ${w}`;
      first = false;
    }
    return ` ${s} `;
  }
  const replaced = new Map<number, { end: number; as: string }>();
  for (const s of spans) replaced.set(s.hit.start, { end: s.hit.end, as: s.as });
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const r = replaced.get(i);
    if (r) {
      out.push(r.as);
      i = r.end - 1;
      continue;
    }
    const t = tokens[i];
    if (t.kind === 'word' || t.kind === 'hashtag') out.push(t.skel);
    else if (t.kind === 'mention') out.push('@');
    else if (t.kind === 'punct' || t.kind === 'url') out.push('.');
  }
  return ` ${out.join(' ')} `;
}

/**
 * Compiles a rule written in plain words into one matching word skeletons: "kill all" becomes "kil al". Escapes
 * (\b, \w) and upper-case placeholders (GRP) are left as written.
 */
export function rule(source: string): RegExp {
  return new RegExp(source.replace(/\\.|[a-z]+/g, (m) => (m.startsWith('\\') ? m : skeleton(m))), 'g');
}

export function alternation(words: string[]): string {
  return `(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}

const NEGATION_RE = rule(String.raw`\b(?:not|never|no|ne|n|pas|jamais|nobody|personne|wouldnt|dont|wont|cant|didnt)\b`);
// "je ne supporte pas X" is dislike, not a negation of it.
const IDIOMS_RE = rule(String.raw`\b(?:ne )?(?:supporte|supporter|peux|peut|peuvent|veux) (?:pas|plus)\b|\bcan ?not stand\b|\bcant stand\b|\bne (?:\w+ ){0,2}que\b`);

/**
 * Whether a match, or the three words before it, carries a negation ("I would never…", "je ne vais pas…"); with
 * `beforeOnly`, only the words before it.
 */
export function isNegated(text: string, match: RegExpExecArray, beforeOnly = false): boolean {
  // Three words fit in the last eighty characters; reading only those keeps long texts linear.
  const before = text.slice(Math.max(0, match.index - 80), match.index).trim().split(' ').slice(-3).join(' ');
  const span = ` ${before} ${beforeOnly ? '' : match[0]} `.replace(IDIOMS_RE, ' ');
  NEGATION_RE.lastIndex = 0;
  return NEGATION_RE.test(span);
}

export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}
