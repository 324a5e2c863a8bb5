import { hashString, mix } from './hash.js';
import { negationScope } from './negation.js';
import type { Token } from './tokenize.js';

/** Size of the hashed feature space shared by every linear model; weights are only valid for this size. */
export const FEATURE_BITS = 18;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;

const SEED_WORD = 0x1b873593;
const SEED_NEG = 0x2c1b3c6d;
const SEED_CHAR = 0x297a2d39;
const SEED_TAG = 0x5bd1e995;
const SEED_BIGRAM = 0x68e31da4;
const SEED_SPECIAL = 0x3c6ef372;
const SEED_GROUP_CONTEXT = 0x7f4a7c15;

/** What a token is in the word lists, for features that stand for a whole class of words. */
export const MARK_NONE = 0;
/** The first word of a protected group's name ("women", "trans" of "trans people"). */
export const MARK_GROUP = 1;
/** A further word of a multi-word name ("people" of "trans people"): no feature of its own. */
export const MARK_GROUP_REST = 2;
export const MARK_SLUR = 3;
/** A word likening people to animals, vermin, dirt or disease. */
export const MARK_DEHUMANISING = 4;
/** The first word of an insult of the word lists ("idiot", "fils de pute"), however it is spelt. */
export const MARK_INSULT = 5;
/** A swear word ("putain", "fuck"), however it is spelt. */
export const MARK_SWEAR = 6;

export interface FeatureVector {
  /** Hashed feature indices; a feature seen twice appears twice. */
  idx: Int32Array;
  /** Index of the token each feature came from, or -1 for whole-text features; used to explain a score. */
  origin: Int16Array;
  n: number;
  /**
   * Features before this index are word-level (words, bigrams, lexicon, specials); the rest are character n-grams,
   * which each model weighs by its own `charWeight`.
   */
  nWord: number;
}

export type Polarity = (word: string, token: Token) => number;

/** The feature of a word (as the tokenizer folds it) said plainly or under negation: where its weight is kept. */
export function wordFeature(word: string, negated: boolean): number {
  return hashString(word, negated ? SEED_NEG : SEED_WORD) & MASK;
}

let idxBuf = new Int32Array(4096);
let originBuf = new Int16Array(4096);
let charBuf = new Int32Array(4096);
let charOriginBuf = new Int16Array(4096);
let nc = 0;

function special(name: string): number {
  return hashString(name, SEED_SPECIAL) & MASK;
}
/** Links: kept out of the language model, since the data sets cut links differently in each language. */
export const F_URL = special('URL');
const F_MENTION = special('MENTION');
const F_ELONG = special('ELONG');
const F_LEX_POS = special('LEX+');
const F_LEX_NEG = special('LEX-');
const F_EMPTY = special('EMPTY');
/** Every group name is this one feature: a model learns what is said about groups, not which group is named. */
export const F_GROUP = special('GROUP');
const H_GROUP = hashString('GROUP', SEED_WORD);
const F_SLUR = special('SLUR');
const F_DEHUMANISING = special('DEHUMANISING');
const F_DEHUMANISING_GROUP = special('DEHUMANISING+GROUP');
/** Every listed insult, and every swear word, is also one class feature: spellings the data never showed share it. */
export const F_INSULT = special('INSULT');
export const F_SWEAR = special('SWEAR');

/**
 * Hashed word unigrams and bigrams, character 3–5-grams of every word (robust to spelling and inflection), negated
 * words as their own features, and lexicon polarity counts flipped under negation. With `marks`, group names become
 * one class feature (no letters of their own), slurs and dehumanising words add their class, and in a text that
 * names a group every word also counts as "said where a group is named", so a model can learn that "rats" about
 * a group is not "rats" in the subway. The returned buffers are reused by the next call: copy them
 * (`copyFeatures`) to keep them.
 */
export function extractFeatures(tokens: Token[], polarity?: Polarity, marks?: Uint8Array): FeatureVector {
  let chars = 0;
  for (const t of tokens) chars += t.text.length;
  const maxNeeded = tokens.length * 8 + chars * 3 + 8;
  if (idxBuf.length < maxNeeded) {
    idxBuf = new Int32Array(maxNeeded * 2);
    originBuf = new Int16Array(maxNeeded * 2);
    charBuf = new Int32Array(maxNeeded * 2);
    charOriginBuf = new Int16Array(maxNeeded * 2);
  }
  nc = 0;
  const scope = negationScope(tokens);
  let n = 0;
  let prev = 0x9747b28c;
  let grouped = false;
  if (marks) for (let i = 0; i < tokens.length; i++) if (marks[i] === MARK_GROUP || marks[i] === MARK_SLUR) grouped = true;
  for (let i = 0; i < tokens.length && i < 0x7fff; i++) {
    const t = tokens[i];
    const kind = t.kind;
    const mark = marks ? marks[i] : MARK_NONE;
    if (mark === MARK_GROUP_REST) continue;
    if (mark === MARK_GROUP) {
      n = put(n, F_GROUP, i);
      n = put(n, mix(prev, H_GROUP ^ SEED_BIGRAM) & MASK, i);
      prev = H_GROUP;
      continue;
    }
    if (kind === 'url') { n = put(n, F_URL, i); prev = F_URL; continue; }
    if (kind === 'mention') { n = put(n, F_MENTION, i); continue; }
    if (kind === 'number') { prev = 0x9747b28c; continue; }
    if (kind === 'punct') {
      if (t.text !== '.') n = put(n, hashString(t.text, SEED_WORD) & MASK, i);
      prev = 0x9747b28c;
      continue;
    }
    const text = kind === 'hashtag' ? t.text.slice(1) : t.text;
    const negated = scope[i] === 1;
    const h = hashString(text, negated ? SEED_NEG : SEED_WORD);
    n = put(n, h & MASK, i);
    if (kind === 'hashtag') n = put(n, hashString(text, SEED_TAG) & MASK, i);
    n = put(n, mix(prev, h ^ SEED_BIGRAM) & MASK, i);
    prev = h;
    if (grouped) n = put(n, mix(h, SEED_GROUP_CONTEXT) & MASK, i);
    if (mark === MARK_SLUR) n = put(n, F_SLUR, i);
    else if (mark === MARK_DEHUMANISING) n = put(n, grouped ? F_DEHUMANISING_GROUP : F_DEHUMANISING, i);
    else if (mark === MARK_INSULT) n = put(n, F_INSULT, i);
    else if (mark === MARK_SWEAR) n = put(n, F_SWEAR, i);
    if (t.elongated) n = put(n, F_ELONG, i);
    if ((kind === 'word' || kind === 'hashtag') && text.length > 1) pushCharGrams(text, i);
    if (polarity) {
      const p = polarity(text, t);
      if (p !== 0) n = put(n, (p > 0) !== negated ? F_LEX_POS : F_LEX_NEG, i);
    }
  }
  if (n === 0) n = put(n, F_EMPTY, -1);
  const nWord = n;
  idxBuf.set(charBuf.subarray(0, nc), n);
  originBuf.set(charOriginBuf.subarray(0, nc), n);
  n += nc;
  return { idx: idxBuf.subarray(0, n), origin: originBuf.subarray(0, n), n, nWord };
}

// One feature and the token it came from, at n; the next free index is returned. (A module function rather than a
// closure made per text: tsx and esbuild name every such closure as it is made, which costs more than the pushes.)
function put(n: number, f: number, o: number): number {
  idxBuf[n] = f;
  originBuf[n] = o;
  return n + 1;
}

// Character 3-, 4- and 5-grams of "<word>", hashed by FNV-1a extended one character at a time: the 4- and 5-grams
// at a position continue the 3-gram's hash, so each position costs five steps instead of twelve and no string is
// built. The hashes, and their order (all 3-grams, then 4-grams, then 5-grams), are those of hashing each n-gram.
let codes = new Uint16Array(256);
// Words reach here with at least two letters, so "<word>" has len ≥ 4.
function pushCharGrams(word: string, origin: number): void {
  const len = word.length + 2;
  if (codes.length < len) codes = new Uint16Array(len * 2);
  const c = codes;
  c[0] = 60; // '<'
  for (let i = 0; i < word.length; i++) c[i + 1] = word.charCodeAt(i);
  c[len - 1] = 62; // '>'
  const n3 = len - 2;
  const n4 = len - 3;
  const n5 = len - 4;
  const at3 = nc;
  const at4 = at3 + n3;
  const at5 = at4 + n4;
  for (let a = 0; a < n3; a++) {
    let h = SEED_CHAR;
    h = Math.imul(h ^ c[a], 0x01000193);
    h = Math.imul(h ^ c[a + 1], 0x01000193);
    h = Math.imul(h ^ c[a + 2], 0x01000193);
    charBuf[at3 + a] = h & MASK;
    charOriginBuf[at3 + a] = origin;
    if (a < n4) {
      h = Math.imul(h ^ c[a + 3], 0x01000193);
      charBuf[at4 + a] = h & MASK;
      charOriginBuf[at4 + a] = origin;
      if (a < n5) {
        h = Math.imul(h ^ c[a + 4], 0x01000193);
        charBuf[at5 + a] = h & MASK;
        charOriginBuf[at5 + a] = origin;
      }
    }
  }
  nc = at5 + n5;
}

export function copyFeatures(fv: FeatureVector): FeatureVector {
  return { idx: fv.idx.slice(), origin: fv.origin.slice(), n: fv.n, nWord: fv.nWord };
}

/**
 * The value of word-level and of character features for a model weighing characters by `charWeight`: the vector
 * has unit length, so that long and short texts weigh alike.
 */
export function featureValues(fv: FeatureVector, charWeight: number): [word: number, char: number] {
  const nc = fv.n - fv.nWord;
  const z = 1 / Math.sqrt(fv.nWord + charWeight * charWeight * nc || 1);
  return [z, z * charWeight];
}
