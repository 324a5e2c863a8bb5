import { featureValues, type FeatureVector } from '../text/features.js';
import { emptyModel, type LinearModel, predictProba } from './linear.js';
import { seededRandom, shuffleInPlace } from './random.js';

export interface TrainOptions {
  name?: string;
  epochs?: number;
  /** Adagrad step size. */
  lr?: number;
  /** L2 penalty, pulling weights toward zero, or toward the base model's weights when fine-tuning. */
  l2?: number;
  seed?: number;
  /** 'balanced' weighs each class by the inverse of its frequency. */
  classWeight?: 'balanced' | number[];
  /** Weight of character n-grams relative to words; kept by the model. */
  charWeight?: number;
  /** Start from these weights (a shipped model) and stay close to them: for a workspace's few labels. */
  base?: LinearModel;
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
  const acc = rows.map(() => new Float32Array(dim).fill(1e-2));
  const biasAcc = rows.map(() => 1e-2);
  const classWeight = resolveClassWeights(set.y, K, opts.classWeight);
  const order = set.vectors.map((_, i) => i);
  const random = seededRandom(seed);
  const grads = new Float64Array(rows.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const fv = set.vectors[i];
      const p = predictProba(model, fv);
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
        biasAcc[r] += g * g;
        model.bias[r] -= (lr * g) / Math.sqrt(biasAcc[r]);
      }
    }
  }
  model.meta = { ...model.meta, examples: set.vectors.length, epochs, lr, l2, seed, charWeight: model.charWeight };
  return model;
}

function resolveClassWeights(y: number[], K: number, spec: TrainOptions['classWeight']): number[] {
  if (Array.isArray(spec)) return spec;
  if (spec !== 'balanced') return new Array(K).fill(1);
  const counts = new Array(K).fill(0);
  for (const v of y) counts[v]++;
  return counts.map((c) => (c === 0 ? 0 : y.length / (K * c)));
}

export function cloneModel(m: LinearModel): LinearModel {
  return { ...m, labels: [...m.labels], rows: m.rows.map((r) => r.slice()), bias: [...m.bias], meta: { ...m.meta } };
}
