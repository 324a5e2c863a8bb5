/**
 * What the charter checker says of a message. Offsets are UTF-16 code units into the checked text (what a
 * textarea's selectionStart uses), end exclusive. Messages are not built here: the browser and the API word a
 * finding from its rule and params in the reader's language; `reason` is the strategist's own text from the charter.
 */
import type { Severity } from './charter.js';

export const RULES = [
  'voice.address', // tu where the charter says vous, or the reverse
  'voice.contraction', // "don't" where the English register is formal
  'voice.exclamations', // more exclamation marks than allowed
  'language.not_allowed', // a message in a language the brand does not write in
  'emoji.none',
  'emoji.too_many',
  'signature.missing',
  'typography.nbsp', // French punctuation without its non-breaking space
  'name.spelling', // a brand or product name spelt otherwise than the charter says
  'vocabulary.prefer',
  'vocabulary.forbidden',
  'vocabulary.legal_review',
  'hashtag.banned',
  'hashtag.key_missing',
  'hashtag.campaign_missing',
  'hashtag.too_many',
  'network.length',
  'network.links',
  'network.mentions',
  'network.visual',
  'network.alt_text',
] as const;
export type Rule = (typeof RULES)[number];

/** One replacement in the checked text; a fix's edits never overlap and are listed in text order. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

export interface Fix {
  /** What the button does, as a rule-specific key: "replace", "add_hashtag", "switch_to_tu", "switch_to_vous", "insert_nbsp", "remove", "add_signature", "expand_contraction", "respell". */
  kind: string;
  edits: TextEdit[];
}

export interface Finding {
  rule: Rule;
  severity: Severity;
  /** A forbidden term whose charter action is legal_review: the message may go out after an extra approval step. */
  needsLegalReview: boolean;
  /** The span the finding is about; a finding about the whole message (a missing hashtag) spans 0..0. */
  start: number;
  end: number;
  /** Values for the wording: { found: "usager", use: "client" }, { count: 4, max: 2 }, { tag: "#RucheCafe" }… */
  params: Record<string, string | number>;
  /** The charter's reason for the rule, as the strategist wrote it; '' where it has none. */
  reason: string;
  fix: Fix | null;
}

export interface CheckInput {
  text: string;
  kind: 'post' | 'reply' | 'saved_reply';
  network?: string | null;
  campaignId?: string | null;
  /** Images or videos attached, and how many carry alt text. */
  media?: { count: number; withAltText: number };
  /** The message's language when the writer chose it; otherwise the checker detects it. */
  language?: 'fr' | 'en' | null;
  /** The writer's first name, for a signature with {first_name}. */
  writerFirstName?: string | null;
}

export interface CheckResult {
  findings: Finding[];
  /** Any finding with severity blocking. */
  blocked: boolean;
  needsLegalReview: boolean;
  language: 'fr' | 'en' | null;
}

/** Applies a fix's edits to `text` (edits in text order, not overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return out + text.slice(at);
}
