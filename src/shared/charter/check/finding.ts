import type { Charter, NetworkRules, Severity } from '../charter.js';
import type { CheckInput, Finding, Fix, Rule } from '../findings.js';
import type { Message, Span } from './text.js';

export type Language = 'fr' | 'en';

/** What every rule family reads: the charter (and its compiled form), the input and the message read once. */
export interface CheckContext<C = unknown> {
  charter: Charter;
  compiled: C;
  input: CheckInput;
  message: Message;
  /** The language the message is checked in; null when too short to tell and not given. */
  language: Language | null;
  /** `networks[network]`, else `networks.default`, else null. */
  network: NetworkRules | null;
  /** Where the brand's names stand: no other rule reads inside them ("café" in "Ruche Café™"). */
  brandNames: Span[];
}

export interface FindingInit {
  rule: Rule;
  severity: Severity;
  start: number;
  end: number;
  params?: Record<string, string | number>;
  reason?: string;
  fix?: Fix | null;
  needsLegalReview?: boolean;
}

export function finding(init: FindingInit): Finding {
  return {
    rule: init.rule,
    severity: init.severity,
    needsLegalReview: init.needsLegalReview ?? false,
    start: init.start,
    end: init.end,
    params: init.params ?? {},
    reason: init.reason ?? '',
    fix: init.fix ?? null,
  };
}

/** "Usagers" → "Clients", "USAGERS" → "CLIENTS": the replacement takes the case of what it replaces. */
export function matchCase(found: string, replacement: string): string {
  // Most words are in small letters: nothing to match.
  if (found === found.toLowerCase()) return replacement;
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = found.match(/\p{L}/u)?.[0];
  if (first && first !== first.toLowerCase() && replacement.length > 0) {
    const r0 = replacement.match(/\p{L}/u)?.[0];
    if (r0 && r0 === r0.toLowerCase()) {
      const at = replacement.indexOf(r0);
      return replacement.slice(0, at) + r0.toUpperCase() + replacement.slice(at + 1);
    }
  }
  return replacement;
}

/** The edit that removes [start, end) and one space beside it, so that no double space is left behind. */
export function removal(text: string, start: number, end: number): { start: number; end: number; replacement: string } {
  if (start > 0 && /[ \t]/.test(text[start - 1]) && (end === text.length || /\s/.test(text[end]))) {
    return { start: start - 1, end, replacement: '' };
  }
  // At the start of a line the space after goes; after a word ("Super😀 merci") it stays between the words.
  if ((start === 0 || text[start - 1] === '\n') && end < text.length && /[ \t]/.test(text[end])) return { start, end: end + 1, replacement: '' };
  return { start, end, replacement: '' };
}
