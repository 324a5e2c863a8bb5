import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeModel } from '../src/analysis/model/codec.js';
import { MODELS_DIR } from '../src/analysis/models.js';
import { trainExamples } from '../src/analysis/model/examples.js';
import { MODEL_SPECS } from './lib/training-sets.js';

// Rebuilds every shipped model from ../shared/data (or RUCHE_DATA_DIR); same data and seed give the same bytes.
const only = process.argv.slice(2);
mkdirSync(MODELS_DIR, { recursive: true });
for (const spec of MODEL_SPECS) {
  if (only.length > 0 && !only.includes(spec.name)) continue;
  const started = Date.now();
  const examples = spec.train().map((e) => ({ text: e.text, label: spec.labels[e.label] }));
  const model = trainExamples(examples, {
    name: spec.name,
    kind: spec.kind,
    labels: spec.labels,
    charWeight: spec.charWeight,
    epochs: spec.epochs,
    classWeight: 'balanced',
    seed: 20240601,
  });
  const bytes = encodeModel(model);
  const file = path.join(MODELS_DIR, `${spec.name}.bin`);
  writeFileSync(file, bytes);
  console.log(`${spec.name}: ${examples.length} examples, ${(bytes.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms`);
}
