import { HANDLE_RE, siteHost } from './lexer.js';
import { eachToken, fold, JOINERS_RE, stem } from './normalize.js';

/** What a post offers to the matcher. Every field may be missing or of the wrong type: it comes from the network. */
export interface MatchInput {
  text: string;
  lang?: string | null;
  authorHandle?: string | null;
  url?: string | null;
  hashtags?: readonly string[];
  mentions?: readonly string[];
}

// A post longer than this is matched on its beginning: it bounds the work a hostile text can cause.
export const MAX_TEXT_CHARS = 50_000;
const MAX_LIST = 100;
const MAX_LIST_ITEM = 200;
// A joined word of more parts than this is a URL or a string of junk, not a spelling of a name.
const MAX_JOINED_PARTS = 8;

export interface Joined {
  value: string;
  end: number;
}

/** A post read once for every topic: its words by position, and everything else the query language can ask about. */
export interface PostWords {
  /** The reduced form of each word, by position. */
  stems: string[];
  /** The folded form of each word, by position, for wildcards. */
  forms: string[];
  /** Each reduced word, and each joined word ("coca-cola" → "cocacola"), to its spans as [start, end, start, end…]. */
  spans: Map<string, number[]>;
  /** The joined words that start at a position. */
  joinedAt: Map<number, Joined[]>;
  hashtags: Set<string>;
  /** Handles as written, and the local part of `user@instance` ones. */
  mentions: Set<string>;
  lang: string;
  author: string;
  url: string;
  /** Memo of the wildcards already looked for in this post. */
  prefixSpans: Map<string, number[]>;
  host?: string;
}

export function readPost(input: MatchInput): PostWords {
  const text = typeof input?.text === 'string' ? input.text.slice(0, MAX_TEXT_CHARS) : '';
  const post: PostWords = {
    stems: [],
    forms: [],
    spans: new Map(),
    joinedAt: new Map(),
    hashtags: new Set(list(input?.hashtags).map((t) => fold(t).replace(/^#/, ''))),
    mentions: new Set(),
    lang: typeof input?.lang === 'string' ? input.lang.slice(0, 35).toLowerCase().replace(/_/g, '-') : '',
    author: typeof input?.authorHandle === 'string' ? fold(input.authorHandle.slice(0, MAX_LIST_ITEM)).replace(/^@/, '') : '',
    url: typeof input?.url === 'string' ? input.url.slice(0, 2048) : '',
    prefixSpans: new Map(),
  };
  for (const m of list(input?.mentions)) addMention(post, fold(m).replace(/^@/, ''));
  const folded = fold(text);
  eachToken(folded, (m) => {
    if (m[1] !== undefined) {
      addWord(post, m[1]);
      return;
    }
    const word = m[3]!;
    // "contact@airbus.fr" is an address, not a mention of "airbus.fr".
    const sigil = m[2] && !(m.index > 0 && /[\p{L}\p{N}]/u.test(folded[m.index - 1]!)) ? m[2] : '';
    if (sigil === '#') post.hashtags.add(/^[\p{L}\p{N}_]+/u.exec(word)![0]);
    else if (sigil === '@') addMention(post, word);
    if (!JOINERS_RE.test(word)) {
      addWord(post, word);
      return;
    }
    const start = post.stems.length;
    const parts = word.split(JOINERS_RE);
    for (const part of parts) addWord(post, part);
    if (parts.length <= MAX_JOINED_PARTS) {
      const joined = { value: stem(parts.join('')), end: post.stems.length };
      addSpan(post, joined.value, start, joined.end);
      const at = post.joinedAt.get(start);
      if (at) at.push(joined);
      else post.joinedAt.set(start, [joined]);
    }
  });
  return post;
}

/** The post's host without `www.`, read once and only when a topic asks. */
export function postHost(post: PostWords): string {
  if (post.host === undefined) {
    let host = '';
    try {
      host = siteHost(new URL(post.url).hostname);
    } catch {
      // No URL, or one that does not parse: the post is on no site.
    }
    post.host = host;
  }
  return post.host;
}

function addWord(post: PostWords, form: string): void {
  const at = post.stems.length;
  const s = stem(form);
  post.stems.push(s);
  post.forms.push(form);
  addSpan(post, s, at, at + 1);
}

function addSpan(post: PostWords, value: string, start: number, end: number): void {
  const spans = post.spans.get(value);
  if (spans) spans.push(start, end);
  else post.spans.set(value, [start, end]);
}

function addMention(post: PostWords, handle: string): void {
  if (!HANDLE_RE.test(handle)) return;
  post.mentions.add(handle);
  const at = handle.indexOf('@');
  if (at > 0) post.mentions.add(handle.slice(0, at));
}

function list(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_LIST)
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.slice(0, MAX_LIST_ITEM));
}
