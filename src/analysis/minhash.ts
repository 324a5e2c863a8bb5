import { hashString } from './text/hash.js';
import { tokenize } from './text/tokenize.js';

export const SIGNATURE_SIZE = 64;

/**
 * MinHash signature of a text's word 3-shingles after normalisation (case, accents, links and mentions ignored), so
 * reposts and copy-paste campaigns with small edits share most of their values. Two signatures agree on a share of
 * positions that estimates the Jaccard similarity of the texts.
 */
export function minhash(text: string, size = SIGNATURE_SIZE): Uint32Array {
  const words: string[] = [];
  for (const t of tokenize(text)) if (t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'number' || t.kind === 'emoji') words.push(t.text);
  const shingles = new Set<number>();
  if (words.length < 3) shingles.add(hashString(words.join(' ')));
  else {
    // The hash of "a b c" carried on word by word (FNV-1a reads characters in order), without building the string.
    const afterWord = words.map((w) => hashString(' ', hashString(w)));
    for (let i = 0; i + 3 <= words.length; i++) shingles.add(hashString(words[i + 2], hashString(' ', hashString(words[i + 1], afterWord[i]))));
  }
  const sig = new Uint32Array(size).fill(0xffffffff);
  const keys = permutationKeys(size);
  for (const s of shingles) {
    for (let k = 0; k < size; k++) {
      // mix(s, k + 1), its key's product taken once per signature size.
      let x = (s ^ keys[k]) >>> 0;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x >>>= 0;
      if (x < sig[k]) sig[k] = x;
    }
  }
  return sig;
}

const keysBySize = new Map<number, Int32Array>();

function permutationKeys(size: number): Int32Array {
  let keys = keysBySize.get(size);
  if (!keys) {
    keys = new Int32Array(size);
    for (let k = 0; k < size; k++) keys[k] = Math.imul(k + 1, 0x9e3779b1);
    keysBySize.set(size, keys);
  }
  return keys;
}

export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
