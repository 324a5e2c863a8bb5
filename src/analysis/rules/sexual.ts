import { SEXUAL_TERMS } from '../lexicon/sexual.js';
import type { TermHit } from '../lexicon/terms.js';
import type { Token } from '../text/tokenize.js';
import type { Reason } from '../types.js';
import type { RuleResult } from './threat.js';

/** Explicit sexual content: one explicit word is enough, suggestive words only count in pairs. */
export function sexualScore(tokens: Token[], hits: TermHit<'strong' | 'weak'>[] = SEXUAL_TERMS.findAll(tokens)): RuleResult {
  if (hits.length === 0) return { score: 0, reasons: [] };
  const strong = hits.filter((h) => h.value === 'strong').length;
  const weak = hits.length - strong;
  const score = strong > 0 ? Math.min(0.95, 0.75 + 0.1 * (strong - 1) + 0.05 * weak) : weak >= 2 ? 0.55 : 0.2;
  const reasons: Reason[] = hits.map((h) => ({ category: 'sexual', rule: `sexual-${h.value}`, text: h.term, weight: h.value === 'strong' ? 0.75 : 0.2 }));
  return { score, reasons };
}
