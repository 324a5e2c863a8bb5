import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featurize } from '../featurize.js';
import { loadModelsAndBank, MODEL_NAMES, MODELS_DIR } from '../models.js';
import { ModelBank } from './bank.js';
import { decodeModel, encodeModel } from './codec.js';

const TEXTS = ['Merci pour la réponse rapide, problème réglé !', 'worst airline ever, you lost my bag again', 'Je vais te retrouver sale connard'];
const dir = mkdtempSync(path.join(os.tmpdir(), 'ruche-bank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every model's probabilities on a few texts, from a bank.
function scores(loaded: ReturnType<typeof loadModelsAndBank>): number[][] {
  return TEXTS.flatMap((t) => {
    const predict = loaded.bank.score(featurize(t).features);
    return MODEL_NAMES.map((name) => predict(loaded.models[name]));
  });
}

describe('model bank file', () => {
  const fresh = scores(loadModelsAndBank());

  it('is written at the first load and read at the next, scoring exactly as a bank made from the weights', () => {
    const file = path.join(dir, 'shipped.bank');
    expect(scores(loadModelsAndBank(MODELS_DIR, {}, file))).toEqual(fresh);
    const written = statSync(file).mtimeMs;
    const again = loadModelsAndBank(MODELS_DIR, {}, file);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(scores(again)).toEqual(fresh);
  });

  it('is made again when a weight file changed, and when the file is damaged', () => {
    const models = path.join(dir, 'models');
    const file = path.join(dir, 'copy.bank');
    rmSync(models, { recursive: true, force: true });
    mkdirSync(models);
    for (const name of MODEL_NAMES) copyFileSync(path.join(MODELS_DIR, `${name}.bin`), path.join(models, `${name}.bin`));
    expect(scores(loadModelsAndBank(models, {}, file))).toEqual(fresh);

    // Another hate model: the bank kept for the old one must not be used.
    const hate = decodeModel(readFileSync(path.join(models, 'hate-en.bin')));
    hate.rows[0][12345] = 3;
    hate.bias[0] += 1;
    writeFileSync(path.join(models, 'hate-en.bin'), encodeModel(hate));
    const changed = loadModelsAndBank(models, {}, file);
    const expected = loadModelsAndBank(models);
    expect(scores(changed)).toEqual(scores(expected));
    expect(scores(changed)).not.toEqual(fresh);

    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(scores(loadModelsAndBank(models, {}, file))).toEqual(scores(expected));
    expect(statSync(file).size).toBeGreaterThan(1000);
  });

  it('is not used for a workspace\'s own models', () => {
    const file = path.join(dir, 'unused.bank');
    const own = decodeModel(readFileSync(path.join(MODELS_DIR, 'hate-en.bin')));
    const loaded = loadModelsAndBank(MODELS_DIR, { 'hate-en': own }, file);
    expect(loaded.models['hate-en']).toBe(own);
    expect(() => statSync(file)).toThrow();
    expect(loaded.bank).toBeInstanceOf(ModelBank);
  });
});
