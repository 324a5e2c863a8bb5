import { INSULT_TERMS } from '../lexicon/insults.js';
import type { TermHit } from '../lexicon/terms.js';
import type { Token } from '../text/tokenize.js';
import type { Lang, Reason } from '../types.js';
import type { RuleResult } from './threat.js';

// Before an insult, these make it aimed at someone: "you idiot", "t'es un connard", "espèce de", "sale", "what a".
const ADDRESS = new Set(['you', 'u', 'ur', 'your', 're', 'youre', 'es', 't', 'toi', 'vous', 'etes', 'espece', 'sale', 'bande', 'pauvre', 'quel', 'quelle', 'what', 'such', 'bunch', 'ce', 'cette', 'ces', 'gros', 'grosse', 'sa', 'ta', 'petit', 'petite', 'fucking', 'stupid', 'big', 'le', 'la']);
const NEGATORS = new Set(['not', 'no', 'pas', 'ne', 'never', 'jamais', 'aint', 'plus']);
const ENGLISH_ONLY = new Set(['pig', 'trash', 'fool', 'dick']);
const FRENCH_ONLY = new Set(['con', 'conne', 'tg', 'pd']);

/**
 * Insults found by word list; aimed at someone (second person, "espèce de", a mention) they weigh more. `denied`
 * lists the tokens of insults said not to apply ("you are not an idiot").
 */
export function insultScore(tokens: Token[], lang: Lang, found: TermHit<true>[] = INSULT_TERMS.findAll(tokens)): RuleResult & { denied?: number[] } {
  const hits = found.filter((h) => allowed(h, lang));
  if (hits.length === 0) return { score: 0, reasons: [] };
  let denied: number[] | undefined;
  const reasons: Reason[] = [];
  let best = 0;
  const wordCount = tokens.filter((t) => t.kind === 'word').length;
  // A dozen insults say as much as thousands (a long text repeating one).
  for (const h of hits.slice(0, 12)) {
    // The three words before, within the clause: "personne ne t'a rien demandé, crétin" does not deny "crétin".
    const window = tokens.slice(Math.max(0, h.start - 3), h.start);
    const cut = window.map((t) => t.kind).lastIndexOf('punct');
    const before = window.slice(cut + 1).map((t) => t.text);
    const negated = before.some((w) => NEGATORS.has(w)) || NEGATORS.has(tokens[h.end]?.text ?? '');
    if (negated) {
      (denied ??= []).push(h.start);
      reasons.push({ category: 'context', rule: 'negated-insult', text: h.term, weight: -0.5 });
      continue;
    }
    // Said to someone: after "you", "espèce de"…, next to a mention, in a very short text, or alone between commas
    // or at the end of a sentence ("personne ne t'a rien demandé, crétin").
    const alone = (h.start === 0 || tokens[h.start - 1].kind === 'punct') && (h.end >= tokens.length || tokens[h.end].kind === 'punct');
    const aimed = alone || before.some((w) => ADDRESS.has(w)) || tokens[h.start - 1]?.kind === 'mention' || tokens[h.end]?.kind === 'mention' || wordCount <= 4;
    const score = aimed ? 0.85 : 0.45;
    best = Math.max(best, score);
    reasons.push({ category: 'insult', rule: aimed ? 'insult-aimed' : 'insult-word', text: h.term, weight: score });
  }
  return { score: best, reasons, denied };
}

function allowed(h: TermHit<true>, lang: Lang): boolean {
  if (lang === 'fr' && ENGLISH_ONLY.has(h.term)) return false;
  if (lang === 'en' && FRENCH_ONLY.has(h.term)) return false;
  return true;
}
