export type Lang = 'fr' | 'en' | 'other';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type ToxicityCategory = 'insult' | 'hate' | 'threat' | 'sexual' | 'spam';
export type ReasonCategory = ToxicityCategory | 'sentiment' | 'complaint' | 'language' | 'context';

/** Why a score is what it is: a word that weighed in a model, or a rule that fired. */
export interface Reason {
  category: ReasonCategory;
  /** The rule that fired ("threat-first-person", "slur", "counter-speech"…), or "model" for a model's word. */
  rule: string;
  /** The words concerned, as written after normalisation. */
  text: string;
  /** How much it weighed; positive pushes the score up, negative pulls it down. */
  weight: number;
}

export interface LanguageResult {
  lang: Lang;
  /** ISO 639 code of the language, also for "other" ("es", "de"…); "und" when unknown. */
  code: string;
  confidence: number;
  source: 'model' | 'fasttext' | 'hint';
}

export interface SentimentResult {
  label: SentimentLabel;
  /** P(positive) − P(negative), in −1..1. */
  score: number;
  probabilities: Record<SentimentLabel, number>;
}

export interface ToxicityResult {
  /** The highest category score. */
  score: number;
  flagged: boolean;
  categories: Record<ToxicityCategory, number>;
  /** The group a hateful text targets, when one is named. */
  target?: string;
}

export interface ComplaintResult {
  score: number;
  flagged: boolean;
}

/** Direction controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that change how a text reads. */
export interface HiddenCharacters {
  /**
   * The text may not read as what it is: an override, or embeddings, isolates or marks in a text without
   * right-to-left letters (in Arabic or Hebrew they are ordinary).
   */
  bidiOverride: boolean;
  /** How many direction controls, suspicious or not. */
  count: number;
  /** Which ones, as "U+202E". */
  characters: string[];
}

export interface Entities {
  keywords: string[];
  /** Accent-folded and lower-cased, so "#Écologie" and "#ecologie" are one tag. */
  hashtags: string[];
  mentions: string[];
  links: string[];
}

export interface Analysis extends Entities {
  lang: Lang;
  language: LanguageResult;
  sentiment: SentimentResult;
  toxicity: ToxicityResult;
  complaint: ComplaintResult;
  hiddenCharacters: HiddenCharacters;
  reasons: Reason[];
}
