import { DEROGATORY_WORDS } from '../lexicon/insults.js';
import { foldText } from '../text/normalize.js';
import { isNegated, matches, rule } from './plain.js';

const DEROG_WORDS = `(?:${[...new Set(DEROGATORY_WORDS.map(foldText))].join('|')})`;
const Q = '(?:all |the |those |these |fucking |filthy |dirty |les |ces |tous les |toutes les |des |ses |ce |cette |sale |sales )*';

const PATTERNS: [string, RegExp][] = [
  ['hate-verb', rule(String.raw`\b(?:i|we|you|everyone|everybody|people)(?: \w+){0,2}? (?:hate|despise|detest|loathe|cant stand|can not stand|am sick of|m sick of|am tired of|m tired of|are sick of|fucking hate)(?: \w+)? ${Q}GRP`)],
  ['derogation', rule(String.raw`GRP (?:are|r|is|were|will always be|are just|are all|are nothing but|are like)(?: \w+){0,2}? ${DEROG_WORDS}\b`)],
  ['exclusion-call', rule(String.raw`GRP (?:should|must|need to|ought to|deserve to|have to|belong)(?: \w+){0,3}? (?:die|be killed|killed|be shot|shot|gassed|be gassed|deported|be deported|go back|leave|banned|be banned|be exterminated|exterminated|burn|rot|disappear|not be allowed|be locked up|locked up|in cages|in camps|in the oven|in ovens|be sterilized|not vote|not exist)\b`)],
  ['violence-call', rule(String.raw`\b(?:kill|exterminate|gas|deport|lynch|hang|shoot|get rid of|round up|wipe out|ban|eradicate|purge|send back) ${Q}GRP`)],
  ['slur-adjective', rule(String.raw`\b(?:filthy|dirty|disgusting|stupid|fucking|typical|damn|sale|sales|salete de|saloperie de|bande de|espece de|putain de|ces putains de|sous) GRP`)],
  ['no-group-allowed', rule(String.raw`\bno GRP (?:allowed|welcome|wanted)\b|\bGRP not welcome\b|\bGRP go home\b`)],
  ['haine-verbe', rule(String.raw`\b(?:je|j|on|nous)(?: \w+){0,2}? (?:deteste|hais|hait|haissons|supporte plus|supporte pas|peux pas supporter|peux plus voir|peux pas voir|vomis|gerbe|marre des|marre de ces|en ai marre des)(?: pas| plus| point| vraiment)? ${Q}GRP`)],
  ['derogation-fr', rule(String.raw`GRP (?:sont|c est|ce sont|restent|seront|sont tous|sont toutes|sont que|ne sont que|sont juste)(?: \w+){0,2}? ${DEROG_WORDS}\b`)],
  ['appel-exclusion', rule(String.raw`\b(?:faut|il faut|on doit|on devrait|faudrait|il faudrait)(?: \w+){0,2}? (?:tuer|exterminer|gazer|virer|expulser|renvoyer|deporter|bruler|pendre|eliminer|interdire|degager|chasser|foutre dehors|steriliser|enfermer) ${Q}GRP`)],
  ['exclusion-fr', rule(String.raw`GRP (?:dehors|hors de france|rentrez chez vous|au four|a la mer|a la porte|doivent partir|doivent crever|doivent mourir|degagez|devraient crever|devraient mourir|devraient partir|meritent de crever|meritent de mourir|doivent disparaitre|devraient disparaitre|n ont rien a faire)\b`)],
  ['slogan-fr', rule(String.raw`\b(?:dehors|mort aux|a mort|a bas|a la porte|renvoyez|virez|expulsez|chassez) ${Q}GRP`)],
];

export interface HatePatternHit {
  rule: string;
  text: string;
  negated: boolean;
}

/** Hateful statements about a named group (GRP in the plain text): hatred, dehumanisation, calls for harm or exclusion. */
export function hatePatterns(plainWithGroups: string): HatePatternHit[] {
  const hits: HatePatternHit[] = [];
  if (!plainWithGroups.includes('GRP')) return hits;
  for (const [name, re] of PATTERNS) {
    for (const m of matches(re, plainWithGroups)) {
      // "No X allowed" is itself the hateful statement, not its negation.
      const negated = name !== 'no-group-allowed' && isNegated(plainWithGroups, m);
      hits.push({ rule: name, text: m[0].trim(), negated });
    }
  }
  return hits;
}
