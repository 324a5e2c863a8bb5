import { isForeignToken } from '../lexicon/stopwords.js';
import { predictProba, type LinearModel } from '../model/linear.js';
import type { Predict } from '../model/bank.js';
import type { FeatureVector } from '../text/features.js';
import type { Token } from '../text/tokenize.js';
import type { Lang, LanguageResult } from '../types.js';
import type { LanguageIdentifier } from './fasttext.js';

const OTHER_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const CONFIDENT = 0.93;
// A short text overrides the account's language only when this sure of itself.
const OVERRIDES_HINT = 0.97;
const MIN_LETTERS = 12;
// Letters English does not use, and French spacing before "!", "?", ";" and ":" — strong hints in a short text.
const FRENCH_LETTERS = /[éèêëàâîïôûùüçœÉÈÊÀÂÎÔÛÇ]/;
const FRENCH_SPACING = /\S[ \u00a0\u202f][!?;:](?:\s|$)/;
// What a link leaves behind when it is cut ("… http", "https://t.co/…"): it says nothing of the language.
const LINK_REMNANT = /\bhttps?\b(?::\/*\S*)?|\bwww\.\S*/gi;

export interface DetectOptions {
  /** The account's or channel's language, used when the text is too short to tell. */
  hint?: Lang;
  fasttext?: LanguageIdentifier;
  predict?: Predict;
}

/**
 * French, English or other. A small French-vs-English model decides the common case in microseconds; texts it is
 * unsure of, or that show another script or another language's function words, go to fastText's lid.176. For a
 * short text the two are weighed together, with French letters and spacing as hints, since fastText alone reads
 * "excellent !" as English.
 */
export function detectLanguageFrom(raw: string, tokens: Token[], fv: FeatureVector, model: LinearModel, opts: DetectOptions = {}): LanguageResult {
  let letters = 0;
  let foreign = 0;
  let wordCount = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    wordCount++;
    letters += t.text.length;
    if (isForeignToken(t)) foreign++;
  }
  const pFr = (opts.predict ? opts.predict(model) : predictProba(model, fv))[1];
  const confident = Math.max(pFr, 1 - pFr) >= CONFIDENT;
  const otherScript = OTHER_SCRIPT.test(raw);
  if (confident && letters >= MIN_LETTERS && foreign === 0 && !otherScript) return frOrEn(pFr, 'model');
  const short = wordCount < 3 || letters < MIN_LETTERS;
  if (opts.fasttext && (letters > 0 || otherScript)) {
    const text = raw.replace(LINK_REMNANT, ' ').toLowerCase();
    if (short && !otherScript && opts.fasttext.candidates) {
      const found = weighShort(pFr, raw, opts.fasttext.candidates(text));
      if (found && !(opts.hint && found.confidence < OVERRIDES_HINT)) return found;
    } else {
      const { code, probability } = opts.fasttext.identify(text);
      // fastText unsure of a third language while the model leans clearly one way: the model's answer.
      const unsureOther = code !== 'fr' && code !== 'en' && probability < 0.5 && foreign === 0 && !otherScript && Math.max(pFr, 1 - pFr) >= 0.7;
      if (unsureOther) return frOrEn(pFr, 'model');
      if (!(short && opts.hint && probability < 0.9)) {
        const lang: Lang = code === 'fr' || code === 'en' ? code : 'other';
        return { lang, code, confidence: round(probability), source: 'fasttext' };
      }
    }
  }
  if (opts.hint && (short || !opts.fasttext)) return { lang: opts.hint, code: opts.hint, confidence: 0.5, source: 'hint' };
  if (letters === 0) return { lang: 'other', code: 'und', confidence: 0, source: 'model' };
  return frOrEn(pFr, 'model');
}

// A short text: another language when fastText is sure of it; otherwise French or English by the model's odds,
// fastText's odds between the two, and the French letters or spacing the text shows.
function weighShort(pFr: number, raw: string, candidates: { code: string; probability: number }[]): LanguageResult | undefined {
  if (candidates.length === 0) return undefined;
  const top = candidates[0];
  const ftFr = candidates.find((c) => c.code === 'fr')?.probability ?? 0;
  const ftEn = candidates.find((c) => c.code === 'en')?.probability ?? 0;
  if (top.code !== 'fr' && top.code !== 'en' && top.probability >= 0.5 && top.probability > 2 * Math.max(ftFr, ftEn)) {
    return { lang: 'other', code: top.code, confidence: round(top.probability), source: 'fasttext' };
  }
  const p = Math.min(0.999, Math.max(0.001, pFr));
  let z = Math.log(p / (1 - p)) + Math.log((ftFr + 0.02) / (ftEn + 0.02));
  if (FRENCH_LETTERS.test(raw)) z += 1.5;
  if (FRENCH_SPACING.test(raw)) z += 1.5;
  const fr = 1 / (1 + Math.exp(-z));
  return { ...frOrEn(fr, 'fasttext') };
}

function frOrEn(pFr: number, source: LanguageResult['source']): LanguageResult {
  const fr = pFr >= 0.5;
  return { lang: fr ? 'fr' : 'en', code: fr ? 'fr' : 'en', confidence: round(Math.max(pFr, 1 - pFr)), source };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
