import type { FeatureVector } from '../text/features.js';
import { sigmoid, softmax, type LinearModel } from './linear.js';

export type Predict = (model: LinearModel) => number[];

/**
 * Several models' weights interleaved feature by feature, so that scoring a text reads one short run of memory per
 * feature instead of one cache miss per feature and per model: the analysis is bound by memory, not arithmetic.
 * Gives the same probabilities as `predictProba`.
 */
export class ModelBank {
  private readonly weights: Float32Array;
  private readonly stride: number;
  private readonly offsets = new Map<LinearModel, number>();
  private readonly word: Float64Array;
  private readonly char: Float64Array;

  constructor(private readonly models: LinearModel[]) {
    const dim = models[0].dim;
    let rows = 0;
    for (const m of models) {
      if (m.dim !== dim) throw new Error('models of one bank must share the feature space');
      this.offsets.set(m, rows);
      rows += m.rows.length;
    }
    this.stride = rows;
    this.weights = new Float32Array(dim * rows);
    for (const m of models) {
      const off = this.offsets.get(m)!;
      m.rows.forEach((row, r) => {
        for (let f = 0; f < dim; f++) this.weights[f * rows + off + r] = row[f];
      });
    }
    this.word = new Float64Array(rows);
    this.char = new Float64Array(rows);
  }

  /** Scores every model of the bank on one text; the returned function reads the results until the next call. */
  score(fv: FeatureVector): Predict {
    const { weights: w, stride, word, char } = this;
    word.fill(0);
    char.fill(0);
    const idx = fv.idx;
    for (let i = 0; i < fv.nWord; i++) {
      const base = idx[i] * stride;
      for (let r = 0; r < stride; r++) word[r] += w[base + r];
    }
    for (let i = fv.nWord; i < fv.n; i++) {
      const base = idx[i] * stride;
      for (let r = 0; r < stride; r++) char[r] += w[base + r];
    }
    const nWord = fv.nWord;
    const nChar = fv.n - nWord;
    return (model) => {
      const off = this.offsets.get(model);
      if (off === undefined) throw new Error(`model ${model.name} is not in this bank`);
      const cw = model.charWeight;
      const z = 1 / Math.sqrt(nWord + cw * cw * nChar || 1);
      const logits: number[] = [];
      for (let r = 0; r < model.rows.length; r++) logits.push(model.bias[r] + (word[off + r] + char[off + r] * cw) * z);
      if (model.kind === 'binary') {
        const p = sigmoid(logits[0]);
        return [1 - p, p];
      }
      return softmax(logits);
    };
  }

  has(model: LinearModel): boolean {
    return this.offsets.has(model);
  }
}
