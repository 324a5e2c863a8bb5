/**
 * A workspace's editorial charter: the brand's own rules that every post, reply and saved reply keeps to.
 * Shared by the server (which stores, versions and enforces it) and the browser (which checks drafts on every
 * keystroke), so it holds no server code. Terms are written as the strategist would write them ("usager",
 * "gratuit"); the checker matches their inflections, case, accents and elisions itself.
 */
import { z } from 'zod';

export const SEVERITIES = ['blocking', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

const term = z.string().trim().min(1).max(120);
const reason = z.string().trim().max(500).default('');
const hashtag = z.string().trim().regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'A hashtag is letters, digits and _.');
const language = z.enum(['fr', 'en']);

export const PreferredTerm = z.strictObject({
  /** The word or expression to write. */
  use: term,
  /** What it replaces: "usager" for "client". */
  insteadOf: z.array(term).min(1).max(20),
  /** Only in this language; null: in both. */
  language: language.nullable().default(null),
  reason,
  severity: z.enum(SEVERITIES).default('suggestion'),
});

export const ForbiddenTerm = z.strictObject({
  term,
  language: language.nullable().default(null),
  reason,
  /** "legal_review" lets the message through an extra approval step, with this reason shown to the approver. */
  action: z.enum(['block', 'legal_review', 'warn']).default('block'),
});

/** A brand or product name and its one right spelling ("Ruche Café™"); any other case or spacing is a finding. */
export const BrandName = z.strictObject({
  name: term,
  /** Other spellings seen in the wild that mean it ("ruche cafe", "RucheCafé"), also corrected to `name`. */
  variants: z.array(term).max(20).default([]),
});

export const NetworkRules = z.strictObject({
  maxLength: z.number().int().min(1).max(100_000).nullable().default(null),
  maxLinks: z.number().int().min(0).max(50).nullable().default(null),
  maxMentions: z.number().int().min(0).max(50).nullable().default(null),
  maxHashtags: z.number().int().min(0).max(50).nullable().default(null),
  visualRequired: z.boolean().default(false),
  altTextRequired: z.boolean().default(false),
});

export const CampaignHashtags = z.strictObject({
  campaignId: z.string().min(1).max(64),
  required: z.array(hashtag).min(1).max(20),
});

export const Charter = z.strictObject({
  voice: z.strictObject({
    /** French: tutoiement, vouvoiement, or either. */
    address: z.enum(['tu', 'vous', 'any']).default('any'),
    /** English: casual (contractions welcome), formal (no contractions, no exclamation marks), or either. */
    englishRegister: z.enum(['casual', 'formal', 'any']).default('any'),
    /** At most this many exclamation marks in a message; null: no limit. */
    maxExclamations: z.number().int().min(0).max(20).nullable().default(null),
  }).default({ address: 'any', englishRegister: 'any', maxExclamations: null }),
  /** The languages the brand writes in. */
  languages: z.array(language).min(1).max(2).default(['fr', 'en']),
  /** none: no emoji; few: at most `emojiMax`; free: any number. */
  emoji: z.enum(['none', 'few', 'free']).default('free'),
  emojiMax: z.number().int().min(1).max(20).default(2),
  /** Signature expected at the end of replies (e.g. "— Léa, équipe Ruche"), with `{first_name}` for the writer's first name. */
  signature: z.strictObject({
    text: z.string().trim().max(200).default(''),
    on: z.array(z.enum(['post', 'reply'])).default(['reply']),
  }).default({ text: '', on: ['reply'] }),
  /** French typography: a non-breaking space before ; : ! ? and inside « ». */
  frenchTypography: z.boolean().default(false),
  names: z.array(BrandName).max(100).default([]),
  vocabulary: z.strictObject({
    prefer: z.array(PreferredTerm).max(500).default([]),
    forbidden: z.array(ForbiddenTerm).max(500).default([]),
  }).default({ prefer: [], forbidden: [] }),
  hashtags: z.strictObject({
    /** The brand's own hashtags: a post with none of them gets a suggestion. */
    key: z.array(hashtag).max(50).default([]),
    banned: z.array(z.strictObject({ tag: hashtag, reason })).max(200).default([]),
    perCampaign: z.array(CampaignHashtags).max(200).default([]),
  }).default({ key: [], banned: [], perCampaign: [] }),
  /** Keyed by network ("bluesky", "mastodon", …); `default` applies where a network has no entry. */
  networks: z.record(z.string().min(1).max(40), NetworkRules).default({}),
});

export type Charter = z.infer<typeof Charter>;
export type CharterInput = z.input<typeof Charter>;
export type PreferredTerm = z.infer<typeof PreferredTerm>;
export type ForbiddenTerm = z.infer<typeof ForbiddenTerm>;
export type NetworkRules = z.infer<typeof NetworkRules>;

/** The charter of a workspace that has not written one: checks nothing but what the network itself enforces. */
export const EMPTY_CHARTER: Charter = Charter.parse({});
