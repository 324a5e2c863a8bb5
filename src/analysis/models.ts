import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelBank } from './model/bank.js';
import { bankKey, readBankFile, writeBankFile } from './model/bank-file.js';
import { decodeModel } from './model/codec.js';
import type { LinearModel } from './model/linear.js';

// Set by the bundle of the analysis command line (scripts/analyze.mjs), which runs from dist/ and not from here.
declare const RUCHE_MODELS_DIR: string | undefined;
declare const RUCHE_BANK_FILE: string | undefined;

export const MODELS_DIR = typeof RUCHE_MODELS_DIR === 'string' ? RUCHE_MODELS_DIR : path.join(path.dirname(fileURLToPath(import.meta.url)), 'models');
/** Where the analysis command line keeps the shipped models' bank (see bank-file.ts); none when run from here. */
export const BANK_FILE = typeof RUCHE_BANK_FILE === 'string' ? RUCHE_BANK_FILE : undefined;

export const MODEL_NAMES = ['language', 'sentiment-fr', 'sentiment-en', 'hate-fr', 'hate-en', 'offensive-en', 'offensive-fr', 'complaint-en'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export type ModelSet = Record<ModelName, LinearModel>;

export function loadModel(name: string, dir = MODELS_DIR): LinearModel {
  return decodeModel(readFileSync(path.join(dir, `${name}.bin`)));
}

/**
 * Every model and the bank that scores them all at once. With `bankFile`, and no override, the bank is read from
 * that file when it was made from these same weight files (and then the weights are not decoded at all); otherwise
 * it is made from the models and written there.
 */
export function loadModelsAndBank(dir = MODELS_DIR, overrides: Partial<ModelSet> = {}, bankFile?: string): { models: ModelSet; bank: ModelBank } {
  if (!bankFile || Object.keys(overrides).length > 0) {
    const models = loadModels(dir, overrides);
    return { models, bank: new ModelBank(Object.values(models)) };
  }
  const files = MODEL_NAMES.map((name) => ({ name, bytes: readFileSync(path.join(dir, `${name}.bin`)) }));
  const models = {} as ModelSet;
  files.forEach((f, i) => (models[MODEL_NAMES[i]] = decodeModel(f.bytes)));
  const key = bankKey(files);
  const layout = readBankFile(bankFile, key);
  if (layout) {
    try {
      return { models, bank: new ModelBank(Object.values(models), layout) };
    } catch {
      // Made for other models: made again below.
    }
  }
  const bank = new ModelBank(Object.values(models));
  writeBankFile(bankFile, key, bank.layout);
  return { models, bank };
}

/** Every shipped model; `overrides` replaces some, e.g. a workspace's retrained toxicity model. */
export function loadModels(dir = MODELS_DIR, overrides: Partial<ModelSet> = {}): ModelSet {
  const out = {} as ModelSet;
  for (const name of MODEL_NAMES) out[name] = overrides[name] ?? loadModel(name, dir);
  return out;
}
