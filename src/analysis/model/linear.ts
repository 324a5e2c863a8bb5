import { featureValues, type FeatureVector } from '../text/features.js';

/**
 * A linear classifier over hashed features. Binary models have one row (probability of `labels[1]`); softmax
 * models have one row per label.
 */
export interface LinearModel {
  name: string;
  kind: 'binary' | 'softmax';
  labels: string[];
  dim: number;
  rows: Float32Array[];
  bias: number[];
  /** Weight of character n-grams relative to word features (0 ignores them). */
  charWeight: number;
  /** Free-form facts about the training run (data, examples, seed), kept with the weights. */
  meta: Record<string, unknown>;
  /**
   * The weights as read from a file: per row, the positions of its non-zero weights and their int8 values, with
   * the row's scale. Scoring reads these; `rows` is only built (12 MB for the shipped models) when something
   * trains from the model or scores without a bank.
   */
  sparse?: { scales: number[]; idx: Int32Array[]; q: Int8Array[] };
}

/** How many weight rows a model has, without building them. */
export function rowCount(model: LinearModel): number {
  return model.kind === 'binary' ? 1 : model.labels.length;
}

export function emptyModel(name: string, kind: LinearModel['kind'], labels: string[], dim: number): LinearModel {
  const rowCount = kind === 'binary' ? 1 : labels.length;
  return {
    name,
    kind,
    labels,
    dim,
    rows: Array.from({ length: rowCount }, () => new Float32Array(dim)),
    bias: new Array(rowCount).fill(0),
    charWeight: 1,
    meta: {},
  };
}

export function rowScore(row: Float32Array, bias: number, fv: FeatureVector, charWeight: number): number {
  const idx = fv.idx;
  const nWord = fv.nWord;
  let sw = 0;
  for (let i = 0; i < nWord; i++) sw += row[idx[i]];
  let sc = 0;
  if (charWeight !== 0) for (let i = nWord; i < fv.n; i++) sc += row[idx[i]];
  const z = 1 / Math.sqrt(nWord + charWeight * charWeight * (fv.n - nWord) || 1);
  return bias + (sw + sc * charWeight) * z;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Class probabilities, in the order of `model.labels`. */
export function predictProba(model: LinearModel, fv: FeatureVector): number[] {
  if (model.kind === 'binary') {
    const p = sigmoid(rowScore(model.rows[0], model.bias[0], fv, model.charWeight));
    return [1 - p, p];
  }
  const logits: number[] = [];
  for (let k = 0; k < model.rows.length; k++) logits.push(rowScore(model.rows[k], model.bias[k], fv, model.charWeight));
  return softmax(logits);
}

export function softmax(logits: number[]): number[] {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    logits[k] = Math.exp(logits[k] - max);
    sum += logits[k];
  }
  for (let k = 0; k < logits.length; k++) logits[k] /= sum;
  return logits;
}

/**
 * How much each token pushed a row's score, for showing a moderator why: the sum of its features' weights. For a
 * softmax model pass `against` to measure a label relative to another (e.g. positive minus negative).
 */
export function tokenContributions(model: LinearModel, fv: FeatureVector, tokenCount: number, row = 0, against?: number): Float64Array {
  const out = new Float64Array(tokenCount);
  const w = model.rows[row];
  const w2 = against === undefined ? undefined : model.rows[against];
  const [vw, vc] = featureValues(fv, model.charWeight);
  for (let i = 0; i < fv.n; i++) {
    const o = fv.origin[i];
    if (o < 0) continue;
    const f = fv.idx[i];
    out[o] += (w2 ? w[f] - w2[f] : w[f]) * (i < fv.nWord ? vw : vc);
  }
  return out;
}
