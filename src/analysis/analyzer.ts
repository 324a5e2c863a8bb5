import { complaintOf } from './complaint.js';
import { extractEntities } from './entities.js';
import { featurize } from './featurize.js';
import { detectLanguageFrom } from './language/detect.js';
import { loadFastText, type LanguageIdentifier } from './language/fasttext.js';
import { ModelBank } from './model/bank.js';
import { loadModels, type ModelSet } from './models.js';
import { hiddenCharacters } from './rules/hidden.js';
import { plainText } from './rules/plain.js';
import { sentimentOf } from './sentiment.js';
import { toxicity } from './toxicity.js';
import type { Analysis, Lang } from './types.js';

export interface AnalyzerOptions {
  /** Folder of weight files; defaults to the shipped models. */
  modelsDir?: string;
  /** Replace some shipped models, e.g. with a workspace's retrained ones. */
  models?: Partial<ModelSet>;
  /** Set false to skip loading fastText (other languages are then reported as French or English less reliably). */
  fasttext?: boolean;
}

export interface AnalyzeOptions {
  /** The account's language, used for texts too short to tell. */
  lang?: Lang;
}

export interface Analyzer {
  analyze(text: string, opts?: AnalyzeOptions): Analysis;
  readonly models: ModelSet;
}

/** Loads every model once (weights and fastText); `analyze` is then synchronous and pure. */
export async function createAnalyzer(options: AnalyzerOptions = {}): Promise<Analyzer> {
  const models = loadModels(options.modelsDir, options.models);
  const fasttext = options.fasttext === false ? undefined : await loadFastText();
  const bank = new ModelBank(Object.values(models));
  return { models, analyze: (text, opts) => analyzeWith(models, fasttext, text, opts, bank) };
}

/** One text through every model and rule; `bank` (built once from `models`) makes scoring faster, not different. */
export function analyzeWith(models: ModelSet, fasttext: LanguageIdentifier | undefined, text: string, opts: AnalyzeOptions = {}, bank?: ModelBank): Analysis {
  const { tokens, features } = featurize(text);
  const predict = bank?.score(features);
  const language = detectLanguageFrom(text, tokens, features, models.language, { hint: opts.lang, fasttext, predict });
  const lang = language.lang;
  const fr = lang === 'fr';
  const sentiment = sentimentOf(fr ? models['sentiment-fr'] : models['sentiment-en'], features, tokens, predict);
  const plain = plainText(tokens);
  const tox = toxicity(text, tokens, features, lang, {
    hate: fr ? models['hate-fr'] : models['hate-en'],
    offensive: models['offensive-en'],
    predict,
  }, sentiment.result.probabilities.positive, plain);
  const complaint = complaintOf(lang, features, tokens, plain, sentiment.result.probabilities.negative, models['complaint-en'], predict);
  return {
    lang,
    language,
    sentiment: sentiment.result,
    toxicity: tox.result,
    complaint: complaint.result,
    hiddenCharacters: hiddenCharacters(text).result,
    ...extractEntities(text, tokens),
    reasons: [...tox.reasons, ...complaint.reasons, ...sentiment.reasons],
  };
}
