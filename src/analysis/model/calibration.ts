/**
 * How a binary model's raw probability becomes a score a moderator can read as a probability: the decision
 * threshold picked on the dev split is moved to 0.5, and each side of it is stretched (Platt scaling) so that on the
 * dev split the texts scored around 0.9 are hateful about nine times in ten. Texts flagged (≥ 0.5) stay the ones the
 * threshold picked.
 */
export interface Calibration {
  /** Decision threshold, as a logit of the raw probability. */
  threshold: number;
  /** Slope of the logit above the threshold. */
  above: number;
  /** Slope of the logit below the threshold. */
  below: number;
}

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function calibrate(p: number, c: Calibration | undefined): number {
  if (!c) return p;
  const z = logit(p) - c.threshold;
  return sigmoid(z * (z >= 0 ? c.above : c.below));
}

const checked = new WeakMap<Record<string, unknown>, Calibration | null>();

/** A model's calibration from its meta (checked once per model), or undefined for a model trained without one. */
export function calibrationOf(meta: Record<string, unknown>): Calibration | undefined {
  let c = checked.get(meta);
  if (c === undefined) {
    const m = meta.calibration as Calibration | undefined;
    c = m && typeof m.threshold === 'number' && typeof m.above === 'number' && typeof m.below === 'number' ? m : null;
    checked.set(meta, c);
  }
  return c ?? undefined;
}

/**
 * Fits a calibration to dev scores: the threshold with the best macro-F1 among a grid of raw probabilities (0.2 to
 * 0.8), then each side's slope by maximum likelihood.
 */
export function fitCalibration(scores: number[], gold: number[]): Calibration {
  let best = { f1: -1, threshold: 0 };
  for (let p = 0.2; p <= 0.8001; p += 0.025) {
    const f1 = macroF1At(scores, gold, p);
    if (f1 > best.f1 + 1e-9) best = { f1, threshold: logit(p) };
  }
  const z = scores.map((s) => logit(s) - best.threshold);
  const above = slope(z.filter((v) => v >= 0), gold.filter((_, i) => z[i] >= 0));
  const below = slope(z.filter((v) => v < 0), gold.filter((_, i) => z[i] < 0));
  return { threshold: round(best.threshold), above: round(above), below: round(below) };
}

function macroF1At(scores: number[], gold: number[], t: number): number {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < scores.length; i++) {
    const yes = scores[i] >= t;
    if (yes && gold[i] === 1) tp++;
    else if (yes) fp++;
    else if (gold[i] === 1) fn++;
    else tn++;
  }
  const f = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}

// The slope a of sigmoid(a·z) with the highest likelihood, by golden-section search over [0.05, 8].
function slope(z: number[], y: number[]): number {
  if (z.length === 0) return 1;
  const loss = (a: number) => {
    let l = 0;
    for (let i = 0; i < z.length; i++) {
      const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(a * z[i])));
      l -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
    }
    return l;
  };
  let lo = 0.05, hi = 8;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (loss(a) < loss(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
