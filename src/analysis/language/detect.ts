import { FOREIGN_STOPWORDS } from '../lexicon/stopwords.js';
import { predictProba, type LinearModel } from '../model/linear.js';
import type { Predict } from '../model/bank.js';
import type { FeatureVector } from '../text/features.js';
import type { Token } from '../text/tokenize.js';
import type { Lang, LanguageResult } from '../types.js';
import type { LanguageIdentifier } from './fasttext.js';

const OTHER_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const CONFIDENT = 0.97;
const MIN_LETTERS = 12;

export interface DetectOptions {
  /** The account's or channel's language, used when the text is too short to tell. */
  hint?: Lang;
  fasttext?: LanguageIdentifier;
  predict?: Predict;
}

/**
 * French, English or other. A small French-vs-English model decides the common case in microseconds; texts it is
 * unsure of, or that show another script or another language's function words, go to fastText's lid.176.
 */
export function detectLanguageFrom(raw: string, tokens: Token[], fv: FeatureVector, model: LinearModel, opts: DetectOptions = {}): LanguageResult {
  let letters = 0;
  let foreign = 0;
  let wordCount = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    wordCount++;
    letters += t.text.length;
    if (FOREIGN_STOPWORDS.has(t.text)) foreign++;
  }
  const pFr = (opts.predict ? opts.predict(model) : predictProba(model, fv))[1];
  const confident = Math.max(pFr, 1 - pFr) >= CONFIDENT;
  if (confident && letters >= MIN_LETTERS && foreign === 0 && !OTHER_SCRIPT.test(raw)) {
    return { lang: pFr >= 0.5 ? 'fr' : 'en', code: pFr >= 0.5 ? 'fr' : 'en', confidence: round(Math.max(pFr, 1 - pFr)), source: 'model' };
  }
  const short = wordCount < 3 || letters < MIN_LETTERS;
  if (opts.fasttext && (letters > 0 || OTHER_SCRIPT.test(raw))) {
    const { code, probability } = opts.fasttext.identify(raw);
    if (!(short && opts.hint && probability < 0.9)) {
      const lang: Lang = code === 'fr' || code === 'en' ? code : 'other';
      return { lang, code, confidence: round(probability), source: 'fasttext' };
    }
  }
  if (opts.hint && (short || !opts.fasttext)) return { lang: opts.hint, code: opts.hint, confidence: 0.5, source: 'hint' };
  if (letters === 0) return { lang: 'other', code: 'und', confidence: 0, source: 'model' };
  return { lang: pFr >= 0.5 ? 'fr' : 'en', code: pFr >= 0.5 ? 'fr' : 'en', confidence: round(Math.max(pFr, 1 - pFr)), source: 'model' };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
