import { complaintOf } from './complaint.js';
import { featurize } from './featurize.js';
import { detectLanguageFrom } from './language/detect.js';
import type { LanguageIdentifier } from './language/fasttext.js';
import { loadModels, type ModelSet } from './models.js';
import { plainText } from './rules/plain.js';
import { sentimentOf } from './sentiment.js';
import { toxicity } from './toxicity.js';
import type { ComplaintResult, Lang, LanguageResult, SentimentResult, ToxicityResult } from './types.js';

// Stand-alone functions for callers that need one score; they share the shipped models, read from disk on first use.
let shared: ModelSet | undefined;
export function defaultModels(): ModelSet {
  shared ??= loadModels();
  return shared;
}

export interface ScoreOptions {
  lang?: Lang;
  models?: ModelSet;
}

export function detectLanguage(text: string, opts: { hint?: Lang; fasttext?: LanguageIdentifier; models?: ModelSet } = {}): LanguageResult {
  const { tokens, features } = featurize(text);
  return detectLanguageFrom(text, tokens, features, (opts.models ?? defaultModels()).language, opts);
}

function langOf(text: string, opts: ScoreOptions): Lang {
  return opts.lang ?? detectLanguage(text, { models: opts.models }).lang;
}

export function sentiment(text: string, opts: ScoreOptions = {}): SentimentResult {
  const m = opts.models ?? defaultModels();
  const { tokens, features } = featurize(text);
  return sentimentOf(langOf(text, opts) === 'fr' ? m['sentiment-fr'] : m['sentiment-en'], features, tokens).result;
}

export function toxicityOf(text: string, opts: ScoreOptions = {}): ToxicityResult {
  const m = opts.models ?? defaultModels();
  const lang = langOf(text, opts);
  const { tokens, features, lexicon } = featurize(text);
  return toxicity(text, tokens, features, lang, { hate: lang === 'fr' ? m['hate-fr'] : m['hate-en'], offensive: lang === 'fr' ? m['offensive-fr'] : m['offensive-en'] }, 0, plainText(tokens), lexicon).result;
}

export function complaint(text: string, opts: ScoreOptions = {}): ComplaintResult {
  const m = opts.models ?? defaultModels();
  const lang = langOf(text, opts);
  const { tokens, features } = featurize(text);
  const negative = sentimentOf(lang === 'fr' ? m['sentiment-fr'] : m['sentiment-en'], features, tokens).result.probabilities.negative;
  return complaintOf(lang, features, tokens, plainText(tokens), negative, m['complaint-en'], undefined, undefined, text).result;
}
