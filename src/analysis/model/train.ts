import { featureValues, type FeatureVector } from '../text/features.js';
import { denseOf, foldDense, type DenseTable } from './dense.js';
import { emptyModel, rowScore, sigmoid, softmax, type LinearModel } from './linear.js';
import { seededRandom, shuffleInPlace } from './random.js';

export interface TrainOptions {
  name?: string;
  epochs?: number;
  /** Adagrad step size. */
  lr?: number;
  /**
   * Adagrad's starting sum of squared gradients: small lets the first steps be large (training from scratch),
   * large keeps them small (a few decisions on top of a shipped model).
   */
  accInit?: number;
  /** L2 penalty, pulling weights toward zero, or toward the base model's weights when fine-tuning. */
  l2?: number;
  seed?: number;
  /** 'balanced' weighs each class by the inverse of its frequency. */
  classWeight?: 'balanced' | number[];
  /** Weight of character n-grams relative to words; kept by the model. */
  charWeight?: number;
  /** Start from these weights (a shipped model) and stay close to them: for a workspace's few labels. */
  base?: LinearModel;
  /**
   * Features whose weight may only pull the score down (kept at or below zero on every row), e.g. the class feature
   * of group names: what a text says about a group may make it hateful, naming the group may not.
   */
  nonPositive?: number[];
  /** Features kept at zero on every row, e.g. group names in sentiment: naming a group is neither good nor bad. */
  zero?: number[];
  /** Word vectors learnt from as dense features, then folded into the word weights (see dense.ts). */
  dense?: DenseTable;
}

export interface TrainingSet {
  vectors: FeatureVector[];
  /** Label index of each vector, into `labels`. */
  y: number[];
  labels: string[];
  /** Optional per-example weight (e.g. a weaker, out-of-domain source). */
  weights?: number[];
}

/** Logistic (binary) or softmax regression by Adagrad over hashed features; deterministic for a given seed. */
export function trainLinear(set: TrainingSet, kind: LinearModel['kind'], dim: number, opts: TrainOptions = {}): LinearModel {
  const { epochs = 8, lr = 0.2, l2 = 1e-6, seed = 42 } = opts;
  const K = set.labels.length;
  const model = opts.base ? cloneModel(opts.base) : emptyModel(opts.name ?? 'model', kind, set.labels, dim);
  if (opts.name) model.name = opts.name;
  if (opts.charWeight !== undefined && !opts.base) model.charWeight = opts.charWeight;
  const anchor = opts.base?.rows;
  const rows = model.rows;
  const accInit = opts.accInit ?? 1e-2;
  const acc = rows.map(() => new Float32Array(dim).fill(accInit));
  const biasAcc = rows.map(() => accInit);
  const classWeight = resolveClassWeights(set.y, K, opts.classWeight);
  const order = set.vectors.map((_, i) => i);
  const random = seededRandom(seed);
  const grads = new Float64Array(rows.length);
  // A model fine-tuned from a shipped one keeps its constraints (kept in its meta): a workspace's decisions may not
  // teach it that naming a group is hateful.
  const nonPositive = opts.nonPositive ?? featureList(opts.base?.meta.nonPositive);
  const zero = opts.zero ?? featureList(opts.base?.meta.zero);
  const dense = opts.dense;
  const D = dense?.dim ?? 0;
  const xs = dense ? set.vectors.map((fv) => denseOf(dense, fv, model.charWeight)) : [];
  const dw = rows.map(() => new Float64Array(D));
  const dAcc = rows.map(() => new Float64Array(D).fill(accInit));
  const logits = new Array<number>(rows.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const fv = set.vectors[i];
      const x = xs[i];
      for (let r = 0; r < rows.length; r++) {
        let s = rowScore(rows[r], model.bias[r], fv, model.charWeight);
        for (let k = 0; k < D; k++) s += dw[r][k] * x[k];
        logits[r] = s;
      }
      const p = kind === 'binary' ? [0, sigmoid(logits[0])] : softmax(logits.slice());
      const weight = classWeight[set.y[i]] * (set.weights?.[i] ?? 1);
      if (kind === 'binary') grads[0] = (p[1] - (set.y[i] === 1 ? 1 : 0)) * weight;
      else for (let k = 0; k < K; k++) grads[k] = (p[k] - (set.y[i] === k ? 1 : 0)) * weight;
      const [vw, vc] = featureValues(fv, model.charWeight);
      for (let r = 0; r < rows.length; r++) {
        const g = grads[r];
        const row = rows[r];
        const a = acc[r];
        const base = anchor?.[r];
        for (let j = 0; j < fv.n; j++) {
          const f = fv.idx[j];
          const grad = g * (j < fv.nWord ? vw : vc) + l2 * (row[f] - (base ? base[f] : 0));
          a[f] += grad * grad;
          row[f] -= (lr * grad) / Math.sqrt(a[f]);
        }
        for (let k = 0; k < D; k++) {
          const grad = g * x[k] + l2 * dw[r][k];
          dAcc[r][k] += grad * grad;
          dw[r][k] -= (lr * grad) / Math.sqrt(dAcc[r][k]);
        }
        biasAcc[r] += g * g;
        model.bias[r] -= (lr * g) / Math.sqrt(biasAcc[r]);
        if (nonPositive) for (const f of nonPositive) if (row[f] > 0) row[f] = 0;
        if (zero) for (const f of zero) row[f] = 0;
      }
    }
  }
  if (dense) rows.forEach((row, r) => foldDense(dense, row, Float32Array.from(dw[r])));
  for (const row of rows) {
    if (nonPositive) for (const f of nonPositive) if (row[f] > 0) row[f] = 0;
    if (zero) for (const f of zero) row[f] = 0;
  }
  model.meta = {
    ...model.meta, examples: set.vectors.length, epochs, lr, l2, seed, charWeight: model.charWeight,
    ...(nonPositive ? { nonPositive } : {}), ...(zero ? { zero } : {}),
  };
  return model;
}

function resolveClassWeights(y: number[], K: number, spec: TrainOptions['classWeight']): number[] {
  if (Array.isArray(spec)) return spec;
  if (spec !== 'balanced') return new Array(K).fill(1);
  const counts = new Array(K).fill(0);
  for (const v of y) counts[v]++;
  return counts.map((c) => (c === 0 ? 0 : y.length / (K * c)));
}

function featureList(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.every((f) => Number.isInteger(f)) ? (v as number[]) : undefined;
}

/** A copy to train: dense rows, and no sparse weights of the original (they would shadow the new ones). */
export function cloneModel(m: LinearModel): LinearModel {
  return {
    name: m.name, kind: m.kind, labels: [...m.labels], dim: m.dim, rows: m.rows.map((r) => r.slice()), bias: [...m.bias],
    charWeight: m.charWeight, meta: { ...m.meta },
  };
}
