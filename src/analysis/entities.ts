import { isStopwordToken } from './lexicon/stopwords.js';
import { foldText } from './text/normalize.js';
import type { Token } from './text/tokenize.js';
import type { Entities } from './types.js';

const LINK_RE = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gi;
const MENTION_RE = /(?<![\w@])@[\p{L}\p{N}_]{1,50}/gu;
const HASHTAG_RE = /(?<![\w#&])#[\p{L}\p{N}_]{1,100}/gu;
const MAYBE_WWW = /www\./i;
const MAX_KEYWORDS = 8;

/** Accent-folded, lower-cased hashtag: "#Écologie" → "#ecologie". */
export function foldHashtag(tag: string): string {
  return foldText(tag);
}

/**
 * Hashtags (folded), mentions and links as written, and up to eight keywords: content words in order of
 * appearance, folded, without function words or numbers.
 */
export function extractEntities(raw: string, tokens: Token[]): Entities {
  // Each expression only where its mark is: most texts have no link, mention or hashtag.
  const links = raw.includes('://') || MAYBE_WWW.test(raw) ? unique(raw.match(LINK_RE) ?? []).map((l) => l.replace(/[.,;:!?)\]]+$/, '')) : [];
  const mentions = raw.includes('@') ? unique((raw.match(MENTION_RE) ?? []).map((m) => m.toLowerCase())) : [];
  const hashtags = raw.includes('#') ? unique((raw.match(HASHTAG_RE) ?? []).map(foldHashtag)) : [];
  return { keywords: keywords(tokens), hashtags, mentions, links };
}

export function keywords(tokens: Token[], max = MAX_KEYWORDS): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 3 || isStopwordToken(t) || hasDigit(t.text) || seen.has(t.text)) continue;
    seen.add(t.text);
    out.push(t.text);
    if (out.length === max) break;
  }
  return out;
}

// /\d/.test(word), without the expression: keywords asks it of every word.
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
