import { topWords } from './explain.js';
import { predictProba, type LinearModel } from './model/linear.js';
import type { Predict } from './model/bank.js';
import type { FeatureVector } from './text/features.js';
import type { Token } from './text/tokenize.js';
import { tokenPolarity } from './featurize.js';
import { isStopwordToken } from './lexicon/stopwords.js';
import type { Reason, SentimentLabel, SentimentResult } from './types.js';

const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const r = (x: number) => Math.round(x * 1000) / 1000;

/** Below this |P(pos) − P(neg)| a text is neutral whatever class came first: the label never contradicts the score. */
export const NEUTRAL_BAND = 0.1;

/**
 * How a sentiment model's probabilities become a label, fitted on its dev split: offsets added to the log-odds of
 * negative and positive (the training set's balance is not the tweets' balance), then the neutral band.
 */
export interface SentimentDecision {
  negative: number;
  positive: number;
}

export function sentimentDecisionOf(meta: Record<string, unknown>): SentimentDecision {
  const d = meta.decision as SentimentDecision | undefined;
  return d && typeof d.negative === 'number' && typeof d.positive === 'number' ? d : { negative: 0, positive: 0 };
}

/** Probabilities after the decision's offsets, and the label they give. */
export function decide(p: number[], d: SentimentDecision): { probabilities: number[]; best: number } {
  const q = [p[0] * Math.exp(d.negative), p[1], p[2] * Math.exp(d.positive)];
  const sum = q[0] + q[1] + q[2];
  for (let k = 0; k < 3; k++) q[k] /= sum;
  return { probabilities: q, best: labelIndex(q) };
}

/** The most probable label, neutral when positive and negative are within the neutral band of each other. */
function labelIndex(q: number[]): number {
  let best = 0;
  for (let k = 1; k < 3; k++) if (q[k] > q[best]) best = k;
  return best !== 1 && Math.abs(q[2] - q[0]) < NEUTRAL_BAND ? 1 : best;
}

/** Three-way sentiment from a per-language model (labels negative, neutral, positive); score is P(pos) − P(neg). */
export function sentimentOf(
  model: LinearModel, fv: FeatureVector, tokens: Token[], predict?: Predict, skip?: (token: number) => boolean, explain = true,
): { result: SentimentResult; reasons: Reason[] } {
  const raw = predict ? predict(model) : predictProba(model, fv);
  const { probabilities: p, best } = decide(raw, sentimentDecisionOf(model.meta));
  const label = LABELS[best];
  const reasons = label === 'neutral' || !explain ? [] : topWords(model, fv, tokens, 'sentiment', 3, best, best === 0 ? 2 : 0, predict, skip);
  return {
    result: { label, score: r(p[2] - p[0]), probabilities: { negative: r(p[0]), neutral: r(p[1]), positive: r(p[2]) } },
    reasons,
  };
}

/**
 * A text that insults, hates or threatens (swearing for joy is already out of those scores) is not a warm one: a
 * sentiment model that read it as positive or neutral ("vous êtes des incapables") gives way to the toxicity, so the
 * inbox never shows "positive" beside "insult". The negative probability becomes at least the toxicity score.
 */
export function agreeWithToxicity(
  sentiment: { result: SentimentResult; reasons: Reason[] }, hostile: number, category: string,
): { result: SentimentResult; reasons: Reason[] } {
  const p = sentiment.result.probabilities;
  if (hostile < 0.5 || sentiment.result.label === 'negative') return sentiment;
  const negative = Math.max(p.negative, hostile);
  const rest = p.neutral + p.positive;
  const scale = rest > 0 ? (1 - negative) / rest : 0;
  const q = [negative, p.neutral * scale, p.positive * scale];
  // Negative holds at least half the probability, so it comes first; the neutral band does not apply to a hostile text.
  const best = 0;
  if (LABELS[best] === sentiment.result.label) return sentiment;
  return {
    result: { label: LABELS[best], score: r(q[2] - q[0]), probabilities: { negative: r(q[0]), neutral: r(q[1]), positive: r(q[2]) } },
    reasons: [{ category: 'sentiment', rule: 'hostile', text: category, weight: r(hostile) }],
  };
}

/** The share of a negative reading kept for a plain question to customer service. */
const ASKING_KEEPS = 0.35;

/**
 * A how-to question to customer service that names no problem and holds no negative word ("Livrez-vous au
 * Canada ?", "What are your opening hours?") is neutral: in tweets a question mark and service words lean negative,
 * since questions are often grievances, but this one was told apart as a plain question.
 */
export function calmQuestion(
  sentiment: { result: SentimentResult; reasons: Reason[] }, question: boolean, tokens: Token[],
): { result: SentimentResult; reasons: Reason[] } {
  if (!question || sentiment.result.label !== 'negative' || !plainAsking(tokens)) return sentiment;
  const p = sentiment.result.probabilities;
  const negative = p.negative * ASKING_KEEPS;
  const q = [negative, p.neutral + (p.negative - negative), p.positive];
  const label = LABELS[labelIndex(q)];
  return {
    result: { label, score: r(q[2] - q[0]), probabilities: { negative: r(q[0]), neutral: r(q[1]), positive: r(q[2]) } },
    reasons: label === 'negative' ? sentiment.reasons : [{ category: 'context', rule: 'service-question', text: '?', weight: r(p.negative - negative) }],
  };
}

/**
 * The text ends on its question and holds no negative word: a question that, once told apart as a how-to question,
 * is read as calm by sentiment and is not taken for a grievance by the complaint rules, whatever the models' tone.
 */
export function plainAsking(tokens: Token[]): boolean {
  return endsAsking(tokens) && !tokens.some((t, i) => negativeWord(t) && !doneAlone(tokens, i));
}

// "Alone" after a verb of doing or its object says how it is done ("Mon fils de 12 ans peut-il voyager seul ?", "can
// she take the train alone?"), not loneliness; after being or feeling ("je me sens seul", "I am alone") it is the cold
// word it is, and after a determiner ("le seul magazine à …") it is not this use either.
const ALONE = new Set(['seul', 'seule', 'seuls', 'seules', 'alone']);
const NOT_MANNER = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'votre', 'leur', 'nos', 'vos', 'leurs', 'ce', 'cette', 'ces', 'the', 'a', 'an', 'suis', 'es', 'est', 'sommes', 'etes', 'sont', 'sens', 'sent', 'sentez', 'sentons', 'reste', 'restes', 'restent', 'etre', 'tout', 'toute', 'am', 'is', 'are', 'm', 're', 's', 'was', 'were', 'be', 'feel', 'feels', 'felt', 'so', 'all', 'very', 'tres', 'si', 'trop']);
function doneAlone(tokens: Token[], i: number): boolean {
  if (!ALONE.has(tokens[i].text)) return false;
  const before = tokens[i - 1];
  return before !== undefined && before.kind === 'word' && !NOT_MANNER.has(before.text);
}

// The text ends on its question (links, mentions, hashtags and emoji aside), rather than going on to say more.
function endsAsking(tokens: Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === 'punct') return t.text.includes('?');
    if (t.kind === 'word' || t.kind === 'number') return false;
  }
  return false;
}

// A negative content word; function words are left out, as some carry a stray polarity from split phrases.
function negativeWord(t: Token): boolean {
  return t.kind === 'word' && !isStopwordToken(t) && tokenPolarity(t.text, t) < 0;
}
