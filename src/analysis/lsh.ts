import { estimateSimilarity, SIGNATURE_SIZE } from './minhash.js';

export interface NearDuplicate<Id> {
  id: Id;
  similarity: number;
}

/**
 * Locality-sensitive index over MinHash signatures: 16 bands of 4 rows find pairs above about 0.5 Jaccard with high
 * probability while comparing each text with only a few candidates. In memory; callers persist signatures themselves.
 */
export class NearDuplicateIndex<Id = string> {
  private buckets = new Map<string, Id[]>();
  private signatures = new Map<Id, Uint32Array>();

  constructor(private readonly bands = 16, private readonly threshold = 0.6) {
    if (SIGNATURE_SIZE % bands !== 0) throw new Error('bands must divide the signature size');
  }

  get size(): number {
    return this.signatures.size;
  }

  add(id: Id, signature: Uint32Array): void {
    this.signatures.set(id, signature);
    for (const key of this.keys(signature)) {
      const list = this.buckets.get(key);
      if (list) list.push(id);
      else this.buckets.set(key, [id]);
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

  private keys(signature: Uint32Array): string[] {
    const rows = signature.length / this.bands;
    const keys: string[] = [];
    for (let b = 0; b < this.bands; b++) {
      keys.push(`${b}:${Array.from(signature.subarray(b * rows, (b + 1) * rows)).join(',')}`);
    }
    return keys;
  }
}
