import { estimateSimilarity, SIGNATURE_SIZE } from './minhash.js';
import { mix } from './text/hash.js';

export interface NearDuplicate<Id> {
  id: Id;
  similarity: number;
}

/**
 * Locality-sensitive index over MinHash signatures: 16 bands of 4 rows find pairs above about 0.5 Jaccard with high
 * probability while comparing each text with only a few candidates. A bucket keeps its most recent entries only
 * (`bucketSize`): texts sharing a long boilerplate (a newsletter footer, a template) all fall in a few buckets, and
 * comparing each new text with every one of them would make the index quadratic; the most recent copies are the
 * ones a new copy should join. In memory; callers persist signatures themselves.
 */
export class NearDuplicateIndex<Id = string> {
  private buckets = new Map<number, Id[]>();
  private signatures = new Map<Id, Uint32Array>();

  constructor(private readonly bands = 16, private readonly threshold = 0.6, private readonly bucketSize = 32) {
    if (SIGNATURE_SIZE % bands !== 0) throw new Error('bands must divide the signature size');
  }

  get size(): number {
    return this.signatures.size;
  }

  add(id: Id, signature: Uint32Array): void {
    this.signatures.set(id, signature);
    for (const key of this.keys(signature)) {
      const list = this.buckets.get(key);
      if (!list) this.buckets.set(key, [id]);
      else {
        list.push(id);
        if (list.length > this.bucketSize) list.shift();
      }
    }
  }

  /** Texts already indexed whose estimated similarity reaches the threshold, most similar first. */
  query(signature: Uint32Array, threshold = this.threshold): NearDuplicate<Id>[] {
    const seen = new Set<Id>();
    const out: NearDuplicate<Id>[] = [];
    for (const key of this.keys(signature)) {
      for (const id of this.buckets.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const similarity = estimateSimilarity(signature, this.signatures.get(id)!);
        if (similarity >= threshold) out.push({ id, similarity });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  /** One number per band: the band's rows hashed together with the band's index (a collision only costs a comparison). */
  private keys(signature: Uint32Array): number[] {
    const rows = signature.length / this.bands;
    const keys: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      let h = mix(b, 0x5bd1e995);
      for (let r = b * rows; r < (b + 1) * rows; r++) h = mix(h ^ signature[r], r + 1);
      // 2^21 bands × 2^32 hashes stay exact in a double.
      keys.push(b * 2 ** 32 + h);
    }
    return keys;
  }
}
