import type { FeatureVector } from '../text/features.js';
import { rowCount, sigmoid, softmax, type LinearModel } from './linear.js';

export interface Predict {
  (model: LinearModel): number[];
  /** Per-token contributions to a row's score (see `tokenContributions`), read from the same interleaved memory. */
  contributions?: (model: LinearModel, tokenCount: number, row?: number, against?: number) => Float64Array;
}

// Bytes are read four at a time as 32-bit words; the layout below assumes the usual little-endian machine.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
// A 16-bit lane takes 256 biased bytes (≤ 255 each) before it must be emptied into the running sums.
const FLUSH_EVERY = 256;

/**
 * Several models' weights interleaved feature by feature and stored as int8 (as in the weight files), so that
 * scoring a text reads one cache line per feature instead of one cache miss per feature and per model: analysis is
 * bound by memory, not arithmetic. Gives the probabilities of `predictProba` to within quantisation error.
 *
 * Each weight is stored biased (w + 128, one unsigned byte) and the rows of a feature are padded to a multiple of
 * four, so that one 32-bit load brings four rows, summed two at a time in 16-bit lanes of one integer ("SIMD within
 * a register"): a few integer operations per feature instead of a loop over the rows. The sums are exactly those of
 * the int8 weights.
 */
/** A bank's memory as `ModelBank.layout` gives it, to be written to a file and given back to the constructor. */
export interface BankLayout {
  /** Biased weights, `stride` bytes per feature. */
  weights: Uint8Array;
  /** Each row's scale, `stride` of them. */
  scales: Float64Array;
}

export class ModelBank {
  /** Biased weights, `stride` bytes per feature (row r of feature f at f * stride + r). */
  private readonly weights: Uint8Array;
  /** The same memory as 32-bit words, `planes` per feature. */
  private readonly words: Int32Array;
  private readonly scales: Float64Array;
  private readonly stride: number;
  private readonly planes: number;
  private readonly offsets = new Map<LinearModel, number>();
  private readonly word: Float64Array;
  private readonly char: Float64Array;
  private readonly lanes: Int32Array;
  private nWord = 0;
  private nChar = 0;
  private fv: FeatureVector | undefined;
  private readonly predictFn: Predict;

  /**
   * @param layout the memory of a bank of these same models (`layout`), used as it is instead of being filled from
   * the models' weights, which are then not read at all.
   */
  constructor(private readonly models: LinearModel[], layout?: BankLayout) {
    const dim = models[0].dim;
    let rows = 0;
    for (const m of models) {
      if (m.dim !== dim) throw new Error('models of one bank must share the feature space');
      this.offsets.set(m, rows);
      rows += rowCount(m);
    }
    this.planes = Math.ceil(rows / 4);
    const stride = (this.stride = this.planes * 4);
    this.word = new Float64Array(stride);
    this.char = new Float64Array(stride);
    this.lanes = new Int32Array(this.planes * 2);
    if (layout) {
      if (layout.weights.length !== dim * stride || layout.scales.length !== stride || layout.weights.byteOffset % 4 !== 0) {
        throw new Error('bank layout does not fit these models');
      }
      this.weights = layout.weights;
      this.words = new Int32Array(layout.weights.buffer, layout.weights.byteOffset, layout.weights.length / 4);
      this.scales = layout.scales;
    } else {
      this.weights = new Uint8Array(dim * stride).fill(128);
      this.words = new Int32Array(this.weights.buffer);
      this.scales = new Float64Array(stride).fill(1);
      this.fill(models, dim);
    }
    this.predictFn = this.makePredict();
  }

  private fill(models: LinearModel[], dim: number): void {
    const stride = this.stride;
    for (const m of models) {
      const off = this.offsets.get(m)!;
      if (m.sparse) {
        this.fillSparse(m.sparse, off);
        continue;
      }
      m.rows.forEach((row, r) => {
        let max = 0;
        for (let f = 0; f < dim; f++) max = Math.max(max, Math.abs(row[f]));
        const scale = max / 127 || 1;
        this.scales[off + r] = scale;
        for (let f = 0; f < dim; f++) this.weights[f * stride + off + r] = Math.round(row[f] / scale) + 128;
      });
    }
  }

  /** The bank's memory (not a copy), for a file from which the same bank is made again without its models' weights. */
  get layout(): BankLayout {
    return { weights: this.weights, scales: this.scales };
  }

  // Weights read from a file are already int8 with their row's scale: copied as they are.
  private fillSparse(sparse: NonNullable<LinearModel['sparse']>, off: number): void {
    sparse.idx.forEach((idx, r) => {
      const q = sparse.q[r];
      let max = 0;
      for (let i = 0; i < q.length; i++) max = Math.max(max, Math.abs(q[i]));
      // The largest weight is ±127 by construction; a row written otherwise is scaled to fit.
      const factor = max === 0 ? 1 : 127 / max;
      this.scales[off + r] = max === 0 ? 1 : sparse.scales[r] / factor;
      for (let i = 0; i < idx.length; i++) this.weights[idx[i] * this.stride + off + r] = Math.round(q[i] * factor) + 128;
    });
  }

  /** Scores every model of the bank on one text; the returned function reads the results until the next call. */
  score(fv: FeatureVector): Predict {
    this.fv = fv;
    this.nWord = fv.nWord;
    this.nChar = fv.n - fv.nWord;
    this.sum(fv.idx, 0, fv.nWord, this.word);
    this.sum(fv.idx, fv.nWord, fv.n, this.char);
    return this.predictFn;
  }

  has(model: LinearModel): boolean {
    return this.offsets.has(model);
  }

  private makePredict(): Predict {
    const { word, char, scales, offsets } = this;
    const predict: Predict = (model) => {
      const off = offsets.get(model);
      if (off === undefined) throw new Error(`model ${model.name} is not in this bank`);
      const cw = model.charWeight;
      const z = 1 / Math.sqrt(this.nWord + cw * cw * this.nChar || 1);
      const k = rowCount(model);
      if (model.kind === 'binary') {
        const p = sigmoid(model.bias[0] + (word[off] + char[off] * cw) * z * scales[off]);
        return [1 - p, p];
      }
      const logits = new Array<number>(k);
      for (let r = 0; r < k; r++) logits[r] = model.bias[r] + (word[off + r] + char[off + r] * cw) * z * scales[off + r];
      return softmax(logits);
    };
    predict.contributions = (model, tokenCount, row = 0, against) => {
      const fv = this.fv!;
      const off = offsets.get(model)!;
      const { weights: w, stride } = this;
      const cw = model.charWeight;
      const nWord = this.nWord;
      const z = 1 / Math.sqrt(nWord + cw * cw * this.nChar || 1);
      const out = new Float64Array(tokenCount);
      const a = off + row;
      const b = against === undefined ? -1 : off + against;
      const sa = scales[a];
      const sb = b < 0 ? 0 : scales[b];
      const idx = fv.idx;
      const origin = fv.origin;
      // Word features, then character n-grams (none read for a model that ignores them), each with its weight.
      addContributions(out, w, stride, idx, origin, 0, nWord, a, b, sa, sb, z);
      if (cw !== 0) addContributions(out, w, stride, idx, origin, nWord, fv.n, a, b, sa, sb, z * cw);
      return out;
    };
    return predict;
  }

  // Row sums of the features from..to, into out[0..stride).
  private sum(idx: Int32Array, from: number, to: number, out: Float64Array): void {
    out.fill(0);
    if (from === to) return;
    if (!LITTLE_ENDIAN) {
      const { weights: w, stride } = this;
      for (let i = from; i < to; i++) {
        const base = idx[i] * stride;
        for (let r = 0; r < stride; r++) out[r] += w[base + r] - 128;
      }
      return;
    }
    const P = this.planes;
    for (let start = from; start < to; start += FLUSH_EVERY) {
      const end = Math.min(to, start + FLUSH_EVERY);
      if (P === 3) sum3(this.words, idx, start, end, this.lanes);
      else sumN(this.words, P, idx, start, end, this.lanes);
      const count = end - start;
      const lanes = this.lanes;
      for (let p = 0; p < P; p++) {
        const even = lanes[2 * p];
        const odd = lanes[2 * p + 1];
        out[4 * p] += (even & 0xffff) - 128 * count;
        out[4 * p + 1] += (odd & 0xffff) - 128 * count;
        out[4 * p + 2] += (even >>> 16) - 128 * count;
        out[4 * p + 3] += (odd >>> 16) - 128 * count;
      }
    }
  }
}

// Each feature's weight in row a (less its weight in row b, when b ≥ 0) times `value`, added to its token's sum.
function addContributions(
  out: Float64Array, w: Uint8Array, stride: number, idx: Int32Array, origin: Int16Array, from: number, to: number, a: number, b: number, sa: number, sb: number, value: number,
): void {
  if (b < 0) {
    for (let i = from; i < to; i++) {
      const o = origin[i];
      if (o >= 0) out[o] += (w[idx[i] * stride + a] - 128) * sa * value;
    }
    return;
  }
  for (let i = from; i < to; i++) {
    const o = origin[i];
    if (o < 0) continue;
    const base = idx[i] * stride;
    out[o] += ((w[base + a] - 128) * sa - (w[base + b] - 128) * sb) * value;
  }
}

// Bytes 0 and 2 of each word go to the "even" accumulator, bytes 1 and 3 to the "odd" one, each in two 16-bit lanes.
function sumN(words: Int32Array, P: number, idx: Int32Array, from: number, to: number, lanes: Int32Array): void {
  lanes.fill(0);
  for (let i = from; i < to; i++) {
    const base = idx[i] * P;
    for (let p = 0; p < P; p++) {
      const x = words[base + p];
      lanes[2 * p] += x & 0x00ff00ff;
      lanes[2 * p + 1] += (x >>> 8) & 0x00ff00ff;
    }
  }
}

// The shipped bank (11 rows, three words per feature), with the accumulators in registers.
function sum3(words: Int32Array, idx: Int32Array, from: number, to: number, lanes: Int32Array): void {
  let e0 = 0, o0 = 0, e1 = 0, o1 = 0, e2 = 0, o2 = 0;
  for (let i = from; i < to; i++) {
    const base = idx[i] * 3;
    const x0 = words[base];
    const x1 = words[base + 1];
    const x2 = words[base + 2];
    // Wrapping to 32 bits keeps the sums small integers; the lanes are read back with masks and unsigned shifts.
    e0 = (e0 + (x0 & 0x00ff00ff)) | 0;
    o0 = (o0 + ((x0 >>> 8) & 0x00ff00ff)) | 0;
    e1 = (e1 + (x1 & 0x00ff00ff)) | 0;
    o1 = (o1 + ((x1 >>> 8) & 0x00ff00ff)) | 0;
    e2 = (e2 + (x2 & 0x00ff00ff)) | 0;
    o2 = (o2 + ((x2 >>> 8) & 0x00ff00ff)) | 0;
  }
  lanes[0] = e0; lanes[1] = o0; lanes[2] = e1; lanes[3] = o1; lanes[4] = e2; lanes[5] = o2;
}
