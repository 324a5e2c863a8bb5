import { hashString, mix } from './text/hash.js';
import { tokenize } from './text/tokenize.js';

export const SIGNATURE_SIZE = 64;

/**
 * MinHash signature of a text's word 3-shingles after normalisation (case, accents, links and mentions ignored), so
 * reposts and copy-paste campaigns with small edits share most of their values. Two signatures agree on a share of
 * positions that estimates the Jaccard similarity of the texts.
 */
export function minhash(text: string, size = SIGNATURE_SIZE): Uint32Array {
  const words = tokenize(text)
    .filter((t) => t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'number' || t.kind === 'emoji')
    .map((t) => t.text);
  const shingles = new Set<number>();
  if (words.length < 3) shingles.add(hashString(words.join(' ')));
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(hashString(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < size; k++) {
      const h = mix(s, k + 1);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
