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
  reasons: Reason[];
}
