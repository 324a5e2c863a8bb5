import { featurize } from '../featurize.js';
import { copyFeatures, FEATURE_DIM } from '../text/features.js';
import type { LinearModel } from './linear.js';
import { trainLinear, type TrainOptions } from './train.js';

export interface LabeledText {
  text: string;
  /** One of the model's labels, e.g. "hate" or "no". */
  label: string;
  /** How much this example counts; a moderator's decision may count more than a public data row. */
  weight?: number;
}

export interface ExampleTrainOptions extends TrainOptions {
  kind?: LinearModel['kind'];
  labels?: string[];
}

/** Trains a model from raw texts with their labels; unknown labels are an error, not silently dropped. */
export function trainExamples(examples: LabeledText[], opts: ExampleTrainOptions = {}): LinearModel {
  const labels = opts.base?.labels ?? opts.labels ?? [...new Set(examples.map((e) => e.label))].sort();
  const kind = opts.base?.kind ?? opts.kind ?? (labels.length === 2 ? 'binary' : 'softmax');
  const index = new Map(labels.map((l, i) => [l, i]));
  const y = examples.map((e) => {
    const k = index.get(e.label);
    if (k === undefined) throw new Error(`label "${e.label}" is not one of ${labels.join(', ')}`);
    return k;
  });
  const vectors = examples.map((e) => copyFeatures(featurize(e.text).features));
  const weights = examples.some((e) => e.weight !== undefined) ? examples.map((e) => e.weight ?? 1) : undefined;
  return trainLinear({ vectors, y, labels, weights }, kind, opts.base?.dim ?? FEATURE_DIM, opts);
}

/**
 * Adapts a shipped model to a workspace's own decisions (e.g. moderators hiding or approving comments): starts
 * from the base weights and stays near them, so a few dozen labels shift it without erasing what it knew. Steps
 * start small (Adagrad's sums start at 1): with fresh sums, ten decisions moved words like "are" and "people"
 * enough to flag "women are wonderful people".
 */
export function trainFromLabels(examples: LabeledText[], baseModel?: LinearModel, opts: ExampleTrainOptions = {}): LinearModel {
  if (!baseModel) return trainExamples(examples, { epochs: 10, classWeight: 'balanced', ...opts });
  return trainExamples(examples, { epochs: 5, lr: 0.1, l2: 1e-3, accInit: 1, ...opts, base: baseModel });
}
