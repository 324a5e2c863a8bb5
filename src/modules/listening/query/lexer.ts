import type { FieldNode, HashtagNode, MentionNode, PhraseNode, PrefixNode, QueryField, WordNode } from './ast.js';
import { syntaxError } from './errors.js';
import { fold, splitWords, stem } from './normalize.js';

export type Term = WordNode | PrefixNode | PhraseNode | HashtagNode | MentionNode | FieldNode;

export type Token =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; start: number; end: number }
  | { kind: 'near'; distance: number; start: number; end: number }
  | { kind: 'term'; node: Term; start: number; end: number };

export const NEAR_MIN = 1;
export const NEAR_MAX = 50;
export const WILDCARD_MIN = 3;
const FIELDS: readonly QueryField[] = ['lang', 'author', 'site'];

// Straight, typographic and French quotes all open a phrase, and any of them closes it: people paste from
// word processors that turn one kind into another.
const OPENING_QUOTES = '"“«„';
const CLOSING_QUOTES = '"”»“';
const RUN_STOP = /[\s()"“”«»„]/;
const HASHTAG_RE = /^[\p{L}\p{N}_]+$/u;
export const HANDLE_RE = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:@[\p{L}\p{N}][\p{L}\p{N}.-]*)?$/u;
const LANG_RE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
const HOST_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/** The query as tokens, terms already normalised; throws QuerySyntaxError at the first malformed one. */
export function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (OPENING_QUOTES.includes(c)) {
      let close = i + 1;
      while (close < query.length && !CLOSING_QUOTES.includes(query[close]!)) close++;
      if (close >= query.length) throw syntaxError('unclosed_quote', i, query.length);
      tokens.push({ kind: 'term', node: phrase(query.slice(i + 1, close), i, close + 1), start: i, end: close + 1 });
      i = close + 1;
    } else if (CLOSING_QUOTES.includes(c)) {
      throw syntaxError('unexpected_token', i, i + 1, { token: c });
    } else if (c === '-' && (i === 0 || /[\s(]/.test(query[i - 1]!))) {
      const next = query[i + 1];
      if (next === undefined || /[\s)]/.test(next)) throw syntaxError('dangling_operator', i, i + 1, { operator: '-' });
      tokens.push({ kind: 'minus', start: i, end: i + 1 });
      i++;
    } else {
      let end = i;
      while (end < query.length && !RUN_STOP.test(query[end]!)) end++;
      tokens.push(bare(query.slice(i, end), i, end));
      i = end;
    }
  }
  return tokens;
}

function bare(run: string, start: number, end: number): Token {
  if (run === 'AND' || run === 'OR' || run === 'NOT') return { kind: run === 'AND' ? 'and' : run === 'OR' ? 'or' : 'not', start, end };
  const near = /^near(?:\/(.*))?$/i.exec(run);
  if (near && (run.startsWith('NEAR') || near[1] !== undefined)) {
    const distance = near[1] !== undefined && /^\d{1,3}$/.test(near[1]) ? Number(near[1]) : NaN;
    if (!(distance >= NEAR_MIN && distance <= NEAR_MAX)) {
      throw syntaxError('bad_near', start, end, { reason: 'distance', min: NEAR_MIN, max: NEAR_MAX });
    }
    return { kind: 'near', distance, start, end };
  }
  return { kind: 'term', node: term(run, start, end), start, end };
}

function term(run: string, start: number, end: number): Term {
  if (run.startsWith('#')) {
    const tag = fold(run.slice(1));
    if (!HASHTAG_RE.test(tag)) throw syntaxError('unexpected_token', start, end, { token: run });
    return { type: 'hashtag', text: run, tag, start, end };
  }
  if (run.startsWith('@')) {
    const handle = fold(run.slice(1));
    if (!HANDLE_RE.test(handle)) throw syntaxError('unexpected_token', start, end, { token: run });
    return { type: 'mention', text: run, handle, start, end };
  }
  const field = /^([a-z]+):/i.exec(run);
  if (field) return fieldTerm(field[1]!.toLowerCase(), run.slice(field[0].length), start, end);
  const star = run.indexOf('*');
  if (star >= 0) {
    const base = splitWords(fold(run.slice(0, star)));
    if (star !== run.length - 1 || base.length > 1) throw syntaxError('unexpected_token', start + star, start + star + 1, { token: '*' });
    if ((base[0] ?? '').length < WILDCARD_MIN) throw syntaxError('short_wildcard', start, end, { min: WILDCARD_MIN });
    return { type: 'prefix', text: run, prefix: base[0]!, start, end };
  }
  const words = splitWords(fold(run));
  if (words.length === 0) throw syntaxError('unexpected_token', start, end, { token: run });
  if (words.length === 1) return { type: 'word', text: run, folded: words[0]!, stem: stem(words[0]!), start, end };
  return { type: 'phrase', text: run, folded: words, stems: words.map(stem), start, end };
}

function phrase(inner: string, start: number, end: number): PhraseNode | WordNode {
  const words = splitWords(fold(inner));
  if (words.length === 0) throw syntaxError('empty_phrase', start, end);
  const text = inner.trim();
  if (words.length === 1) return { type: 'word', text, folded: words[0]!, stem: stem(words[0]!), start, end };
  return { type: 'phrase', text, folded: words, stems: words.map(stem), start, end };
}

function fieldTerm(name: string, raw: string, start: number, end: number): FieldNode {
  const field = FIELDS.find((f) => f === name);
  if (!field) throw syntaxError('unknown_field', start, start + name.length + 1, { field: name, known: FIELDS.join(', ') });
  const valueStart = start + name.length + 1;
  const bad = () => syntaxError('bad_field_value', valueStart, end, { field, value: raw });
  let value = field === 'author' ? fold(raw) : raw.toLowerCase();
  if (field === 'lang') {
    value = value.replace(/_/g, '-');
    if (!LANG_RE.test(value)) throw bad();
  } else if (field === 'author') {
    value = value.replace(/^@/, '');
    if (!HANDLE_RE.test(value)) throw bad();
  } else {
    value = value.replace(/^https?:\/\//, '').replace(/\/$/, '');
    if (!HOST_RE.test(value)) throw bad();
    value = siteHost(value);
  }
  return { type: 'field', field, value, start, end };
}

/** A host as the matcher compares it: punycode, lower case, without a leading `www.`. */
export function siteHost(host: string): string {
  let ascii = host;
  try {
    ascii = new URL(`http://${host}`).hostname;
  } catch {
    // Left as written: it then matches nothing, which is what an unreadable host deserves.
  }
  return ascii.toLowerCase().replace(/^www\./, '');
}
