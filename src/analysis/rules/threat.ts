import type { Reason } from '../types.js';
import { isNegated, matches, rule } from './plain.js';

// Verbs that threaten by themselves, and verbs that only do with a person as object ("find you", "te retrouver").
const EN_VIOLENT = 'kill|murder|shoot|stab|hurt|rape|hang|slit|strangle|behead|lynch|slaughter|execute|torture|punch|beat up|bomb|gas|(?:find|hunt|end|get|burn|beat|come for) (?:you|u|them|him|her|all)';
const FR_VIOLENT =
  'tuer|buter|egorger|massacrer|poignarder|decapiter|violer|lyncher|abattre|fusiller|gazer|exterminer|tabasser|faire la peau|casser la gueule|peter la gueule|tirer une balle|tirer dessus';
const FR_VIOLENT_WITH_OBJECT = 'retrouver|frapper|defoncer|bruler|pendre|fumer|planter|exploser|eclater|niquer|crever|cramer|saigner|achever|choper|attraper|egorger';

const PATTERNS: [string, RegExp][] = [
  ['threat-first-person', rule(String.raw`\b(?:i|we|ima|imma|im)(?: \w+){0,2}? (?:will|l|m going to|am going to|re going to|are going to|gonna|going to|wanna|want to|shall|would|d|am gonna|m gonna|re gonna|cant wait to|can not wait to|should|gon)(?: \w+)? (?:${EN_VIOLENT})\b(?! (?:it|this|that|time|the game|the record|my))`)],
  ['threat-you-will', rule(String.raw`\byou(?: re| are| will| l)?(?: going to| gonna)? (?:die|be dead|pay for this|regret this|regret it|be next|be sorry)\b`)],
  ['threat-call', rule(String.raw`\b(?:should|must|deserve to|deserves to|needs? to|ought to|hope you|hope they|hope he|hope she)(?: all)? (?:be )?(?:die|killed|shot|hanged|hung|executed|burned|burnt|gassed|exterminated|lynched|raped|beheaded|tortured|get shot|get killed|get raped)\b`)],
  ['threat-slogan', rule(String.raw`\b(?:death to|kill all|kill every|kill them all|exterminate|gas the|lynch the|hang them|shoot them|burn them|i know where you live|watch your back|sleep with one eye open)\b`)],
  ['menace-premiere-personne', rule(String.raw`\b(?:je|j|on|nous)(?: \w+){0,2}? (?:vais|va|allons|veux|voudrais|compte|devrais|vas|finira par)(?: \w+)?(?:(?: te| t| vous| les| le| la| l| lui| leur)? (?:${FR_VIOLENT})|(?: te| t| vous| les| lui) (?:${FR_VIOLENT_WITH_OBJECT}))\b`)],
  ['menace-tu-vas', rule(String.raw`\b(?:tu|vous)(?: \w+)? (?:vas|va|allez) (?:mourir|crever|payer|le regretter|le payer|souffrir|y passer|finir)\b`)],
  ['menace-appel', rule(String.raw`\b(?:faut|faudrait|doivent|devraient|devrait|merite|meritent|mérite|on devrait|on doit|il faut)(?: \w+){0,2}? (?:les |le |la |l |tous les |toutes les |des |leur |lui )?(?:tuer|exterminer|gazer|pendre|bruler|fusiller|crever|mourir|abattre|eliminer|lyncher|egorger|decapiter|massacrer|buter|violer)\b`)],
  ['menace-slogan', rule(String.raw`\b(?:mort aux|a mort|va crever|allez crever|crevez|je te tue|je vous tue|on vous aura|je sais ou tu habites|je sais ou t habites|fais gaffe a toi|gare a toi|une balle dans)\b`)],
];

export interface RuleResult {
  score: number;
  reasons: Reason[];
}

/** Threats of violence, aimed at a person or a group; "I would never hurt you" is not one. */
// Every threat rule needs one of these words; most texts have none and skip the rules.
const TRIGGER = rule(String.raw`\b(?:${EN_VIOLENT.replace(/\(\?:find.*$/, '')}find|hunt|end|get|burn|beat|come|die|dead|pay|regret|next|sorry|death|exterminate|live|back|eye|${FR_VIOLENT}|${FR_VIOLENT_WITH_OBJECT}|mourir|crever|payer|regretter|souffrir|passer|finir|mort|crevez|tue|aura|habites|gaffe|gare|balle)\b`);

export function threatScore(plain: string): RuleResult {
  const reasons: Reason[] = [];
  TRIGGER.lastIndex = 0;
  if (!TRIGGER.test(plain)) return { score: 0, reasons };
  for (const [name, re] of PATTERNS) {
    for (const m of matches(re, plain)) {
      if (isNegated(plain, m)) {
        reasons.push({ category: 'context', rule: 'negated-threat', text: m[0].trim(), weight: -0.8 });
        continue;
      }
      reasons.push({ category: 'threat', rule: name, text: m[0].trim(), weight: 0.9 });
    }
  }
  const hits = reasons.filter((r) => r.category === 'threat').length;
  return { score: hits === 0 ? 0 : Math.min(0.97, 0.85 + 0.05 * (hits - 1)), reasons };
}
