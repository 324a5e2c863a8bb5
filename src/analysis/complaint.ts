import { topWords } from './explain.js';
import { calibrate, calibrationOf } from './model/calibration.js';
import { predictProba, type LinearModel } from './model/linear.js';
import { findLexiconHits } from './lexicon/all.js';
import type { ComplaintCue } from './lexicon/complaint-words.js';
import type { TermHit } from './lexicon/terms.js';
import { complaintCues } from './rules/complaint-cues.js';
import { plainAsking } from './sentiment.js';
import type { Predict } from './model/bank.js';
import type { FeatureVector } from './text/features.js';
import type { Token } from './text/tokenize.js';
import type { ComplaintResult, Lang, Reason } from './types.js';

/**
 * Complaint or not. English: the trained model, moved by what it misses, praise said through clenched teeth
 * ("thanks for nothing"), praise then "but" and a grievance, a photo shown as evidence; held back for a plain
 * question to customer service. French has no public complaint set: the same cues with topic and problem words.
 */
export function complaintOf(
  lang: Lang, fv: FeatureVector, tokens: Token[], plain: string, negative: number, model?: LinearModel, predict?: Predict,
  skip?: (token: number) => boolean, raw = '', found: TermHit<ComplaintCue>[] = findLexiconHits(tokens).complaint, explain = true,
): { result: ComplaintResult; reasons: Reason[]; question: boolean } {
  const cues = complaintCues(raw, plain, tokens, lang, found);
  const cueReasons: Reason[] = [];
  if (cues.sarcasm) cueReasons.push({ category: 'complaint', rule: 'complaint-sarcasm', text: cues.sarcasm, weight: CUE });
  if (cues.contrast) cueReasons.push({ category: 'complaint', rule: 'complaint-contrast', text: cues.contrast, weight: CUE });
  if (cues.photo) cueReasons.push({ category: 'complaint', rule: 'complaint-photo', text: cues.photo, weight: CUE });
  // A negative tone usually means the question is a grievance; not when it comes from service words ("open late"),
  // nor when the text ends on its question with no negative word: the models read a question mark and words such as
  // "password" or "app" as negative ("How do I reset my password on the app?" was 0.72).
  const asking = cues.question && (negative < 0.5 || cues.service || plainAsking(tokens));
  const shift = (cueReasons.length > 0 ? CUE : 0) - (asking ? QUESTION : 0);
  if (asking) cueReasons.push({ category: 'context', rule: 'service-question', text: '?', weight: -QUESTION });
  if (lang !== 'fr' && model) {
    const scored = shifted(calibrate((predict ? predict(model) : predictProba(model, fv))[1], calibrationOf(model.meta)), shift);
    // A how-to question naming no problem is not a complaint, whatever its words weigh elsewhere ("opening hours").
    const p = asking && cueReasons.length === 1 ? Math.min(scored, ASKING_AT_MOST) : scored;
    const reasons = p >= 0.5 && explain ? [...cueReasons, ...topWords(model, fv, tokens, 'complaint', 3, 0, undefined, predict, skip)] : [];
    return { result: { score: round(p), flagged: p >= 0.5 }, reasons, question: cues.question };
  }
  // French: what customers complain about (topic) and how (problem), with the text's negativity.
  const reasons: Reason[] = [];
  for (const t of cues.topics) reasons.push({ category: 'complaint', rule: 'complaint-topic', text: t, weight: 1 });
  if (cues.first) reasons.push({ category: 'complaint', rule: 'complaint-problem', text: cues.first, weight: 1.2 });
  const topic = cues.topics.length;
  const problem = cues.problems;
  const z = -2.6 + 1.1 * Math.min(topic, 2) + 1.3 * Math.min(problem, 2) + 1.6 * negative + (tokens[0]?.kind === 'mention' ? 0.4 : 0) + shift;
  const p = topic + problem === 0 && shift <= 0 ? Math.min(0.3, 1 / (1 + Math.exp(-z))) : 1 / (1 + Math.exp(-z));
  return { result: { score: round(p), flagged: p >= 0.5 }, reasons: p >= 0.5 ? [...cueReasons, ...reasons] : [], question: cues.question };
}

/** How far a cue moves the log-odds of a complaint. */
const CUE = 2;
const QUESTION = 2.5;
const ASKING_AT_MOST = 0.35;

function shifted(p: number, by: number): number {
  if (by === 0) return p;
  const z = Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p)) + by;
  return 1 / (1 + Math.exp(-z));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
