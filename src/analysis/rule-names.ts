import { HATE_RULES } from './rules/hate.js';
import { SPAM_RULES } from './rules/spam.js';
import { THREAT_RULES } from './rules/threat.js';

/**
 * Every name a Reason's `rule` may carry, so the apps can say each in words (test/analysis/rule-names.test.ts
 * checks the list against the sources and the translations).
 */
export const REASON_RULES: readonly string[] = [
  'model',
  'counter-speech',
  'reclaimed-slur',
  'affirms-group',
  'group-named-only',
  'no-target',
  'slur',
  ...HATE_RULES,
  ...HATE_RULES.map((r) => `negated-${r}`),
  'origin-exclusion',
  ...THREAT_RULES,
  'negated-threat',
  'insult-aimed',
  'insult-word',
  'negated-insult',
  'sexual-strong',
  'sexual-weak',
  ...SPAM_RULES,
  'bidi-override',
  'complaint-topic',
  'complaint-problem',
  'complaint-sarcasm',
  'complaint-contrast',
  'complaint-photo',
  'service-question',
  'hostile',
];
