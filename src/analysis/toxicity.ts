import { findLexiconHits } from './lexicon/all.js';
import type { TermHit } from './lexicon/terms.js';
import { predictProba, tokenContributions, type LinearModel } from './model/linear.js';
import { isReclaimed, speechContext } from './rules/context.js';
import { hatePatterns } from './rules/hate.js';
import { insultScore } from './rules/insult.js';
import { plainText } from './rules/plain.js';
import { sexualScore } from './rules/sexual.js';
import { spamScore } from './rules/spam.js';
import { threatScore } from './rules/threat.js';
import type { Predict } from './model/bank.js';
import type { FeatureVector } from './text/features.js';
import type { Token } from './text/tokenize.js';
import type { Lang, Reason, ToxicityCategory, ToxicityResult } from './types.js';
import { topWords } from './explain.js';

export interface ToxicityModels {
  hate: LinearModel;
  /** Abusive language model, for insults (English only: no French set labels insults). */
  offensive?: LinearModel;
  /** Precomputed scores (a ModelBank); computed from the models otherwise. */
  predict?: Predict;
}

// Slurs that are ordinary words in French ("retard" is a delay) count only in English texts.
const ENGLISH_ONLY_SLURS = new Set(['retard', 'retards', 'retarded', 'coon', 'coons', 'fag', 'fags']);

/**
 * Toxicity by category. Hate blends the trained model with rules about named groups; insults, threats, sexual
 * content and spam are rules (plus the abuse model in English). Counter-speech, negation and reclaimed use lower
 * what the words alone would say.
 */
export function toxicity(
  raw: string, tokens: Token[], fv: FeatureVector, lang: Lang, models: ToxicityModels, positive = 0, plain = plainText(tokens),
): { result: ToxicityResult; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const lexicon = findLexiconHits(tokens);
  const groups = lexicon.groups;
  const slurs = lexicon.slurs.filter((h) => lang !== 'fr' || !ENGLISH_ONLY_SLURS.has(h.term));
  // Hashtags such as #sexisme tag a topic; they condemn nothing by themselves.
  const hasTags = tokens.some((t) => t.kind === 'hashtag');
  const ctx = speechContext(raw, hasTags ? plainText(tokens.filter((t) => t.kind !== 'hashtag')) : plain);
  if (ctx.counterSpeech) reasons.push({ category: 'context', rule: 'counter-speech', text: 'condemns or reports hateful words', weight: -1 });

  // Hate: model probability, raised by hateful patterns about a named group or by slurs, lowered by context.
  const predict: Predict = models.predict ?? ((m: LinearModel) => predictProba(m, fv));
  const pModel = withoutGroupNames(models.hate, fv, tokens, groups, predict(models.hate)[1], predict);
  let ruleHate = 0;
  let target: string | undefined;
  let negatedPattern = false;
  const named = groups.length + slurs.length > 0;
  const withGroups = named ? plainText(tokens, [...groups, ...slurs].map((hit) => ({ hit, as: 'GRP' }))) : '';
  for (const h of named ? hatePatterns(withGroups) : []) {
    if (h.negated) {
      negatedPattern = true;
      reasons.push({ category: 'context', rule: `negated-${h.rule}`, text: h.text, weight: -0.8 });
    } else {
      ruleHate = Math.max(ruleHate, 0.88);
      reasons.push({ category: 'hate', rule: h.rule, text: h.text, weight: 0.88 });
    }
  }
  for (const s of slurs) {
    const reclaimed = isReclaimed(plainText(tokens, [{ hit: s, as: 'SLUR' }]));
    if (reclaimed) reasons.push({ category: 'context', rule: 'reclaimed-slur', text: s.term, weight: -0.6 });
    else {
      ruleHate = Math.max(ruleHate, 0.8);
      reasons.push({ category: 'hate', rule: 'slur', text: s.term, weight: 0.8 });
    }
  }
  // Hateful texts are rarely warm: a clearly positive text the rules found nothing in is held back a little.
  let hate = Math.max(ruleHate, positive >= 0.5 ? pModel * 0.75 : pModel);
  // "Je ne déteste pas les X": the model sees the hateful words, the rule sees the negation.
  if (negatedPattern && ruleHate === 0) hate = pModel * 0.4;
  if (ctx.counterSpeech) hate = Math.min(hate, pModel) * 0.35;
  if (hate >= 0.5) target = pickTarget(slurs, groups);
  if (pModel >= 0.3) reasons.push(...topWords(models.hate, fv, tokens, 'hate', 3, 0, undefined, predict));

  const threat = threatScore(plain);
  reasons.push(...threat.reasons);
  const insult = insultScore(tokens, lang, lexicon.insults);
  reasons.push(...insult.reasons);
  let insultScoreValue = insult.score;
  if (models.offensive && lang !== 'fr') {
    const pOff = predict(models.offensive)[1];
    insultScoreValue = Math.max(insultScoreValue, pOff * 0.9);
    if (pOff >= 0.5) reasons.push(...topWords(models.offensive, fv, tokens, 'insult', 3, 0, undefined, predict));
  }
  const sexual = sexualScore(tokens, lexicon.sexual);
  reasons.push(...sexual.reasons);
  const spam = spamScore(tokens, raw);
  reasons.push(...spam.reasons);

  const damp = ctx.counterSpeech ? 0.35 : 1;
  const categories: Record<ToxicityCategory, number> = {
    insult: round(insultScoreValue * damp),
    hate: round(hate),
    threat: round(threat.score * (ctx.quoted ? 0.35 : 1)),
    sexual: round(sexual.score),
    spam: round(spam.score),
  };
  const score = Math.max(...Object.values(categories));
  return { result: { score, flagged: score >= 0.5, categories, ...(target ? { target } : {}) }, reasons };
}

// Half of the names' weight is taken out: all of it costs recall on the French dev set, whose hateful texts name
// their target more often than its others do; none of it flags "Les musulmans fêtent la fin du ramadan".
const GROUP_NAME_DISCOUNT = 0.5;

/**
 * The hate model's probability with the weight of the group names themselves taken out (when it pushed up): the
 * data sets mention groups mostly in hateful texts, so the bare name "musulmans" would otherwise read as hate.
 * What is said about the group still counts.
 */
function withoutGroupNames(model: LinearModel, fv: FeatureVector, tokens: Token[], groups: TermHit<string>[], p: number, predict: Predict): number {
  if (groups.length === 0) return p;
  const contrib = predict.contributions ? predict.contributions(model, tokens.length) : tokenContributions(model, fv, tokens.length);
  let removed = 0;
  for (const g of groups) for (let i = g.start; i < g.end; i++) removed += Math.max(0, contrib[i]) * GROUP_NAME_DISCOUNT;
  if (removed === 0) return p;
  const logit = Math.log(p / (1 - p));
  return 1 / (1 + Math.exp(-(logit - removed)));
}

function pickTarget(slurs: TermHit<string>[], groups: TermHit<string>[]): string | undefined {
  return slurs[0]?.value ?? groups[0]?.value;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
