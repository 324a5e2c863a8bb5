import { estimateSimilarity, SIGNATURE_SIZE } from './minhash.js';
import { mix } from './text/hash.js';

export interface NearDuplicate<Id> {
  id: Id;
  similarity: number;
}

/** An indexed text: its latest signature, and the last query that looked at it (so that each is compared once). */
interface Entry<Id> {
  id: Id;
  signature: Uint32Array;
  seenBy: number;
}

/**
 * Locality-sensitive index over MinHash signatures: 16 bands of 4 rows find pairs above about 0.5 Jaccard with high
 * probability while comparing each text with only a few candidates. A bucket keeps its most recent entries only
 * (`bucketSize`): texts sharing a long boilerplate (a newsletter footer, a template) all fall in a few buckets, and
 * comparing each new text with every one of them would make the index quadratic; the most recent copies are the
 * ones a new copy should join. An id added again is compared by its latest signature. In memory; callers persist
 * signatures themselves.
 */
export class NearDuplicateIndex<Id = string> {
  /** Per band, its buckets by the band's hash (kept as a small integer, which a Map hashes fastest). */
  private buckets: Map<number, Entry<Id>[]>[];
  private entries = new Map<Id, Entry<Id>>();
  private queries = 0;

  constructor(private readonly bands = 16, private readonly threshold = 0.6, private readonly bucketSize = 32) {
    if (SIGNATURE_SIZE % bands !== 0) throw new Error('bands must divide the signature size');
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  get size(): number {
    return this.entries.size;
  }

  /** Indexes a text; `keys` are its `keys(signature)` when the caller already has them. */
  add(id: Id, signature: Uint32Array, keys: readonly number[] = this.keys(signature)): void {
    let entry = this.entries.get(id);
    if (entry) entry.signature = signature;
    else this.entries.set(id, (entry = { id, signature, seenBy: 0 }));
    for (let b = 0; b < keys.length; b++) {
      const list = this.buckets[b].get(keys[b]);
      if (!list) this.buckets[b].set(keys[b], [entry]);
      else {
        list.push(entry);
        if (list.length > this.bucketSize) list.shift();
      }
    }
  }

  /** Texts already indexed whose estimated similarity reaches the threshold, most similar first. */
  query(signature: Uint32Array, threshold = this.threshold): NearDuplicate<Id>[] {
    const stamp = this.nextQuery();
    const out: NearDuplicate<Id>[] = [];
    const keys = this.keys(signature);
    for (let b = 0; b < keys.length; b++) {
      for (const entry of this.buckets[b].get(keys[b]) ?? []) {
        if (entry.seenBy === stamp) continue;
        entry.seenBy = stamp;
        const similarity = estimateSimilarity(signature, entry.signature);
        if (similarity >= threshold) out.push({ id: entry.id, similarity });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * The first of the most similar texts reaching the threshold, as `query(signature)[0]`, without listing and sorting
   * the others: a candidate is dropped as soon as it differs in more positions than the threshold allows.
   */
  nearest(signature: Uint32Array, threshold = this.threshold, keys: readonly number[] = this.keys(signature)): NearDuplicate<Id> | undefined {
    const n = signature.length;
    let need = Math.ceil(threshold * n);
    while (need > 0 && (need - 1) / n >= threshold) need--;
    // Once a candidate is found, only one agreeing on more positions can replace it: the bar rises with each.
    let allowedMisses = n - need;
    const stamp = this.nextQuery();
    let best: Entry<Id> | undefined;
    let bestSame = -1;
    for (let b = 0; b < keys.length; b++) {
      const bucket = this.buckets[b].get(keys[b]);
      if (!bucket) continue;
      for (const entry of bucket) {
        if (entry.seenBy === stamp) continue;
        entry.seenBy = stamp;
        const other = entry.signature;
        let misses = 0;
        for (let i = 0; i < n && misses <= allowedMisses; i++) if (signature[i] !== other[i]) misses++;
        const same = n - misses;
        if (misses <= allowedMisses && same / n >= threshold && same > bestSame) {
          best = entry;
          bestSame = same;
          // Nothing can agree on more positions than all of them: the first such is the answer.
          if (same === n) return { id: best.id, similarity: 1 };
          allowedMisses = misses - 1;
        }
      }
    }
    return best === undefined ? undefined : { id: best.id, similarity: bestSame / n };
  }

  /** One number per band: the band's rows hashed together with the band's index (a collision only costs a comparison). */
  keys(signature: Uint32Array): number[] {
    const rows = signature.length / this.bands;
    const keys: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      let h = mix(b, 0x5bd1e995);
      for (let r = b * rows; r < (b + 1) * rows; r++) h = mix(h ^ signature[r], r + 1);
      keys.push(h | 0);
    }
    return keys;
  }

  private nextQuery(): number {
    this.queries = this.queries === 0x3fffffff ? 1 : this.queries + 1;
    // After a wrap, stamps left on entries could equal a new one: clear them once.
    if (this.queries === 1) for (const e of this.entries.values()) e.seenBy = 0;
    return this.queries;
  }
}
