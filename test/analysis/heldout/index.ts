import type { Suite } from '../suites/cases.js';
import { BLIND_HATE_EN } from './blind-en.js';
import { BLIND_HATE_FR } from './blind-fr.js';
import { HELDOUT_HATE_EN } from './hatecheck-en.js';
import { HELDOUT_HATE_FR } from './hatecheck-fr.js';

// Innocent texts that name a group must not be flagged for anything (an insult score counts as much as hate).
const INNOCENT = new Set(['identity-neutral', 'identity-positive', 'negated-negative', 'counter-quote', 'counter-reference']);
const flaggedSuite = (from: Suite, name: string): Suite => ({
  name,
  lang: from.lang,
  says: (a) => a.toxicity.flagged,
  cases: from.cases.filter((c) => INNOCENT.has(c.kind)),
});

/** Held-out functional checks: only `npm run -s eval` reads them (see build.ts). */
export const HELDOUT: Suite[] = [
  HELDOUT_HATE_EN,
  HELDOUT_HATE_FR,
  flaggedSuite(HELDOUT_HATE_EN, 'held-out innocent mentions flagged (English)'),
  flaggedSuite(HELDOUT_HATE_FR, 'mentions innocentes signalées, contrôle réservé (français)'),
  BLIND_HATE_EN,
  BLIND_HATE_FR,
];
