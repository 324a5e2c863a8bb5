import { complaintOf } from './complaint.js';
import { extractEntities } from './entities.js';
import { groupNameTokens } from './explain.js';
import { featurize } from './featurize.js';
import { detectLanguageFrom } from './language/detect.js';
import { loadFastText, type LanguageIdentifier } from './language/fasttext.js';
import type { ModelBank } from './model/bank.js';
import { loadModelsAndBank, type ModelSet } from './models.js';
import { hiddenCharacters } from './rules/hidden.js';
import { plainText } from './rules/plain.js';
import { agreeWithToxicity, calmQuestion, sentimentOf } from './sentiment.js';
import { toxicity } from './toxicity.js';
import type { Token } from './text/tokenize.js';
import type { Analysis, Lang, Reason } from './types.js';

export interface AnalyzerOptions {
  /** Folder of weight files; defaults to the shipped models. */
  modelsDir?: string;
  /** Replace some shipped models, e.g. with a workspace's retrained ones. */
  models?: Partial<ModelSet>;
  /**
   * Set false to skip loading fastText (other languages are then reported as French or English less reliably).
   * 'background': the analyzer is ready before fastText (a tenth of a second sooner); call `settle` before a
   * text to wait for fastText when that text needs it, so that results are the same as with fastText loaded.
   */
  fasttext?: boolean | 'background';
  /**
   * A file keeping the models' bank between runs (see model/bank-file.ts): a start then reads it instead of
   * decoding the weights. Not used with `models`.
   */
  bankFile?: string;
}

export interface AnalyzeOptions {
  /** The account's language, used for texts too short to tell. */
  lang?: Lang;
  /**
   * Set false when the reasons are not wanted: they come back empty and the words each model weighed are not worked
   * out, while every score, label and entity is the same as with them.
   */
  reasons?: boolean;
}

export interface Analyzer {
  analyze(text: string, opts?: AnalyzeOptions): Analysis;
  /**
   * With fastText loading in the background: a promise to wait for before analysing this text, when its language
   * is for fastText to tell and fastText is not loaded yet; undefined otherwise.
   */
  settle?(text: string, opts?: AnalyzeOptions): Promise<unknown> | undefined;
  readonly models: ModelSet;
}

/** Loads every model once (weights and fastText); `analyze` is then synchronous and pure. */
export async function createAnalyzer(options: AnalyzerOptions = {}): Promise<Analyzer> {
  const background = options.fasttext === 'background';
  // In the background, fastText starts loading once the first texts had their turn.
  const loading = options.fasttext === false ? undefined : background ? afterFirstTurn(loadFastText) : loadFastText();
  const { models, bank } = loadModelsAndBank(options.modelsDir, options.models, options.bankFile);
  let fasttext = background || !loading ? undefined : await loading;
  let loaded = fasttext !== undefined || !loading;
  loading?.then((ft) => {
    fasttext = ft;
    loaded = true;
  });
  return {
    models,
    analyze: (text, opts) => analyzeWith(models, fasttext, text, opts, bank),
    settle: (text, opts = {}) => (loaded || !asksFastText(models, bank, text, opts) ? undefined : loading),
  };
}

function afterFirstTurn<T>(start: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => setImmediate(() => start().then(resolve, reject)));
}

// Whether a text's language would be asked of fastText: the detection is run with a stand-in that notes the question,
// on the bank's scores as `analyze` does.
function asksFastText(models: ModelSet, bank: ModelBank, text: string, opts: AnalyzeOptions): boolean {
  let asked = false;
  const probe: LanguageIdentifier = {
    identify: () => ((asked = true), { code: 'und', probability: 0 }),
    candidates: () => ((asked = true), []),
  };
  const { tokens, features } = featurize(text);
  if (tokens.some(hasContent)) detectLanguageFrom(text, tokens, features, models.language, { hint: opts.lang, fasttext: probe, predict: bank.score(features) });
  return asked;
}

/** One text through every model and rule; `bank` (built once from `models`) makes scoring faster, not different. */
export function analyzeWith(models: ModelSet, fasttext: LanguageIdentifier | undefined, text: string, opts: AnalyzeOptions = {}, bank?: ModelBank): Analysis {
  const { tokens, features, lexicon } = featurize(text);
  if (!tokens.some(hasContent)) return emptyAnalysis(text, opts.lang);
  const predict = bank?.score(features);
  const language = detectLanguageFrom(text, tokens, features, models.language, { hint: opts.lang, fasttext, predict });
  const lang = language.lang;
  const fr = lang === 'fr';
  const names = groupNameTokens(tokens.length, lexicon.groups);
  const explain = opts.reasons !== false;
  const read = sentimentOf(fr ? models['sentiment-fr'] : models['sentiment-en'], features, tokens, predict, names, explain);
  const plain = plainText(tokens);
  const complaint = complaintOf(lang, features, tokens, plain, read.result.probabilities.negative, models['complaint-en'], predict, names, text, lexicon.complaint, explain);
  const tox = toxicity(text, tokens, features, lang, {
    hate: fr ? models['hate-fr'] : models['hate-en'],
    offensive: fr ? models['offensive-fr'] : models['offensive-en'],
    predict,
  }, read.result.probabilities.positive, plain, lexicon, read.result.probabilities.negative, complaint.result.score, explain);
  const { insult, hate, threat } = tox.result.categories;
  const hostile = Math.max(insult, hate, threat);
  const sentiment = agreeWithToxicity(calmQuestion(read, complaint.question, tokens), hostile, hostile === insult ? 'insult' : hostile === hate ? 'hate' : 'threat');
  return {
    lang,
    language,
    sentiment: sentiment.result,
    toxicity: tox.result,
    complaint: complaint.result,
    hiddenCharacters: hiddenCharacters(text).result,
    ...extractEntities(text, tokens),
    reasons: explain ? fewPerRule([...tox.reasons, ...complaint.reasons, ...sentiment.reasons]) : [],
  };
}

const hasContent = (t: Token) => t.kind !== 'punct';

// A long text repeating the same word or link would otherwise list it thousands of times.
const PER_RULE = 12;

function fewPerRule(reasons: Reason[]): Reason[] {
  if (reasons.length <= PER_RULE) return reasons;
  const count = new Map<string, number>();
  return reasons.filter((r) => {
    const n = (count.get(r.rule) ?? 0) + 1;
    count.set(r.rule, n);
    return n <= PER_RULE;
  });
}

/** A text with nothing to read (empty, spaces, punctuation): no language, no score, no reason. */
function emptyAnalysis(text: string, hint?: Lang): Analysis {
  const lang = hint ?? 'other';
  return {
    lang,
    language: { lang, code: hint ?? 'und', confidence: 0, source: hint ? 'hint' : 'model' },
    sentiment: { label: 'neutral', score: 0, probabilities: { negative: 0, neutral: 0, positive: 0 } },
    toxicity: { score: 0, flagged: false, categories: { insult: 0, hate: 0, threat: 0, sexual: 0, spam: 0 } },
    complaint: { score: 0, flagged: false },
    hiddenCharacters: hiddenCharacters(text).result,
    keywords: [],
    hashtags: [],
    mentions: [],
    links: [],
    reasons: [],
  };
}
