import { featureValues, FEATURE_DIM, wordFeature, type FeatureVector } from '../text/features.js';

/**
 * Word-level knowledge from outside the training texts (word vectors, an emotion lexicon), given to a model while it
 * trains as dense features and then folded into its weights: the vector of each listed word is attached to that
 * word's feature, plain and negated, so a text's dense features are the value-weighted sum of the vectors of its
 * features. A linear weight on that sum is a weight per listed word, which is what the model keeps: scoring and
 * the weight files are unchanged, and words absent from the training texts get weights from similar words.
 */
export interface DenseTable {
  /** Values per feature: the word's vector said plainly, then said under negation. */
  dim: number;
  /** Per hashed feature, its row in `values`, or -1. */
  bucket: Int32Array;
  values: Float32Array;
}

/** Builds the table from word vectors; words sharing a feature (hash collisions) add up, as they would in weights. */
export function denseTable(words: string[], vectors: Float32Array, dim: number): DenseTable {
  const bucket = new Int32Array(FEATURE_DIM).fill(-1);
  let rows = 0;
  const rowOf = (f: number) => (bucket[f] >= 0 ? bucket[f] : (bucket[f] = rows++));
  const plain = words.map((w) => rowOf(wordFeature(w, false)));
  const negated = words.map((w) => rowOf(wordFeature(w, true)));
  const values = new Float32Array(rows * 2 * dim);
  words.forEach((_, i) => {
    for (let k = 0; k < dim; k++) {
      values[plain[i] * 2 * dim + k] += vectors[i * dim + k];
      values[negated[i] * 2 * dim + dim + k] += vectors[i * dim + k];
    }
  });
  return { dim: 2 * dim, bucket, values };
}

/** A text's dense features: the sum of its features' vectors, each at the value the feature has in the model. */
export function denseOf(table: DenseTable, fv: FeatureVector, charWeight: number): Float32Array {
  const out = new Float32Array(table.dim);
  const [vw, vc] = featureValues(fv, charWeight);
  const n = charWeight === 0 ? fv.nWord : fv.n;
  for (let j = 0; j < n; j++) {
    const row = table.bucket[fv.idx[j]];
    if (row < 0) continue;
    const v = j < fv.nWord ? vw : vc;
    const at = row * table.dim;
    for (let k = 0; k < table.dim; k++) out[k] += v * table.values[at + k];
  }
  return out;
}

/** Adds a row's dense weights to the weights of the features they stand for. */
export function foldDense(table: DenseTable, row: Float32Array, weights: Float32Array): void {
  for (let f = 0; f < table.bucket.length; f++) {
    const r = table.bucket[f];
    if (r < 0) continue;
    let s = 0;
    const at = r * table.dim;
    for (let k = 0; k < table.dim; k++) s += weights[k] * table.values[at + k];
    row[f] += s;
  }
}
