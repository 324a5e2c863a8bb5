export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function perClass(gold: number[], pred: number[], k: number): ClassScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === k && gold[i] === k) tp++;
    else if (pred[i] === k) fp++;
    else if (gold[i] === k) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

export function macroF1(gold: number[], pred: number[], classes: number): number {
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += perClass(gold, pred, k).f1;
  return sum / classes;
}

export function accuracy(gold: unknown[], pred: unknown[]): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return gold.length === 0 ? 0 : ok / gold.length;
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function macroRecall(gold: number[], pred: number[], classes: number): number {
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += perClass(gold, pred, k).recall;
  return sum / classes;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  /** Share of the bin's texts whose gold label is positive. */
  positive: number;
}

/** Reliability curve: scores in ten bins of 0.1, with the share of positives in each. */
export function reliability(scores: number[], gold: number[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, positive: 0 }));
  scores.forEach((s, i) => {
    const bin = out[Math.min(bins - 1, Math.floor(s * bins))];
    bin.count++;
    bin.positive += gold[i];
  });
  for (const b of out) b.positive = b.count === 0 ? 0 : b.positive / b.count;
  return out;
}
