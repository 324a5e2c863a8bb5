import { foldText } from '../../analysis/index.js';
import type { RuleConditions } from './rule-schema.js';
import { checkPattern } from './safe-pattern.js';

type Category = 'insult' | 'hate' | 'threat' | 'sexual' | 'spam';

/** What a rule looks at: an item, its author and its analysis, as plain values. */
export interface RuleSubject {
  network: string;
  kind: string;
  text: string;
  /** ISO 639 code ("fr", "en", "es"…). */
  language: string;
  sentiment: string;
  complaint: boolean;
  hasLink: boolean;
  categories: Record<Category, number>;
  author: {
    lists: readonly string[];
    followers: number | null;
    /** Milliseconds; null when the network does not say. */
    accountCreatedAt: number | null;
    removedCount: number;
  };
  now: number;
}

export type Predicate = (subject: RuleSubject) => boolean;

const DAY = 86_400_000;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Conditions as one pure function; all must hold and an absent one matches anything. Keywords match whole
 * words of the folded text (case, accents and look-alike letters folded), so "Arnaque" meets "arnaque" but
 * "arnaqueur" does not. An author fact the network did not give (followers, account age) never matches.
 */
export function compileConditions(c: RuleConditions): Predicate {
  const checks: Predicate[] = [];
  if (c.toxicity) {
    const { category, min } = c.toxicity;
    checks.push((s) => (category === 'any' ? Math.max(...Object.values(s.categories)) : s.categories[category] ?? 0) >= min);
  }
  if (c.keywords) {
    const alternatives = c.keywords.map((k) => escape(foldText(k).trim().replace(/\s+/g, ' '))).filter(Boolean);
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
    checks.push((s) => re.test(foldText(s.text).replace(/\s+/g, ' ')));
  }
  if (c.pattern !== undefined) {
    const check = checkPattern(c.pattern);
    if (!check.ok) throw new Error(check.error);
    const re = check.regex;
    checks.push((s) => re.test(s.text) || re.test(foldText(s.text)));
  }
  if (c.languages) {
    const langs = new Set(c.languages.map((l) => l.toLowerCase()));
    checks.push((s) => langs.has(s.language.toLowerCase()));
  }
  if (c.authorLists) {
    const lists = c.authorLists.map((l) => foldText(l));
    checks.push((s) => s.author.lists.some((l) => lists.includes(foldText(l))));
  }
  if (c.authorMaxAgeDays !== undefined) {
    const max = c.authorMaxAgeDays * DAY;
    checks.push((s) => s.author.accountCreatedAt !== null && s.now - s.author.accountCreatedAt <= max);
  }
  if (c.authorMinFollowers !== undefined) {
    const min = c.authorMinFollowers;
    checks.push((s) => s.author.followers !== null && s.author.followers >= min);
  }
  if (c.authorMaxFollowers !== undefined) {
    const max = c.authorMaxFollowers;
    checks.push((s) => s.author.followers !== null && s.author.followers <= max);
  }
  if (c.hasLink !== undefined) {
    const want = c.hasLink;
    checks.push((s) => s.hasLink === want);
  }
  if (c.networks) {
    const nets = new Set(c.networks);
    checks.push((s) => nets.has(s.network));
  }
  if (c.kinds) {
    const kinds = new Set<string>(c.kinds);
    checks.push((s) => kinds.has(s.kind));
  }
  if (c.sentiment) {
    const wanted = new Set<string>(c.sentiment);
    checks.push((s) => wanted.has(s.sentiment));
  }
  if (c.complaint !== undefined) {
    const want = c.complaint;
    checks.push((s) => s.complaint === want);
  }
  if (c.authorRemovedAtLeast !== undefined) {
    const n = c.authorRemovedAtLeast;
    checks.push((s) => s.author.removedCount >= n);
  }
  return (s) => checks.every((check) => check(s));
}
