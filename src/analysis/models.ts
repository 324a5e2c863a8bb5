import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel } from './model/codec.js';
import type { LinearModel } from './model/linear.js';

// Set by the bundle of the analysis command line (scripts/analyze.mjs), which runs from dist/ and not from here.
declare const RUCHE_MODELS_DIR: string | undefined;

export const MODELS_DIR = typeof RUCHE_MODELS_DIR === 'string' ? RUCHE_MODELS_DIR : path.join(path.dirname(fileURLToPath(import.meta.url)), 'models');

export const MODEL_NAMES = ['language', 'sentiment-fr', 'sentiment-en', 'hate-fr', 'hate-en', 'offensive-en', 'offensive-fr', 'complaint-en'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export type ModelSet = Record<ModelName, LinearModel>;

export function loadModel(name: string, dir = MODELS_DIR): LinearModel {
  return decodeModel(readFileSync(path.join(dir, `${name}.bin`)));
}

/** Every shipped model; `overrides` replaces some, e.g. a workspace's retrained toxicity model. */
export function loadModels(dir = MODELS_DIR, overrides: Partial<ModelSet> = {}): ModelSet {
  const out = {} as ModelSet;
  for (const name of MODEL_NAMES) out[name] = overrides[name] ?? loadModel(name, dir);
  return out;
}
