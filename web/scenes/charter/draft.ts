/**
 * The charter editor's form state, in strings as the fields hold them (lists of words typed with commas, limits
 * left empty for "no limit"), and its conversion to and from the charter. Checking a draft runs the charter's own
 * schema, so the page refuses exactly what the server would, next to the field that holds it.
 */
import { Charter, type CharterInput, type Severity } from '../../../src/shared/charter/charter.js';

export type Language = 'fr' | 'en';
export type AnyLanguage = '' | Language;

export interface NameRow { key: string; name: string; variants: string }
export interface PreferRow { key: string; use: string; insteadOf: string; language: AnyLanguage; reason: string; severity: Severity }
export interface ForbiddenRow { key: string; term: string; language: AnyLanguage; reason: string; action: 'block' | 'legal_review' | 'warn' }
export interface BannedRow { key: string; tag: string; reason: string }
export interface CampaignRow { key: string; campaignId: string; required: string }

export const LIMITS = ['maxLength', 'maxLinks', 'maxMentions', 'maxHashtags'] as const;
export type Limit = (typeof LIMITS)[number];

export interface NetworkDraft extends Record<Limit, string> {
  /** Whether the network has rules of its own; without, the default ones apply. Always true for `default`. */
  own: boolean;
  visualRequired: boolean;
  altTextRequired: boolean;
}

export interface CharterDraft {
  address: 'tu' | 'vous' | 'any';
  englishRegister: 'casual' | 'formal' | 'any';
  maxExclamations: string;
  languages: Language[];
  emoji: 'none' | 'few' | 'free';
  emojiMax: string;
  signatureText: string;
  signatureOn: Array<'post' | 'reply'>;
  frenchTypography: boolean;
  names: NameRow[];
  prefer: PreferRow[];
  forbidden: ForbiddenRow[];
  keyTags: string;
  banned: BannedRow[];
  perCampaign: CampaignRow[];
  /** `default` first, then each network by name. */
  networks: Record<string, NetworkDraft>;
}

export const DEFAULT_NETWORK = 'default';

let counter = 0;
/** A row's identity for React, kept while its fields change and when rows above it are removed. */
export const rowKey = (): string => `row-${++counter}`;

const list = (values: readonly string[]) => values.join(', ');
const words = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);
const tags = (text: string) => text.split(/[\s,]+/).map((w) => w.trim()).filter(Boolean);
const limit = (value: number | null) => (value === null ? '' : String(value));
// An unreadable number stays NaN, so that the schema refuses it next to its field instead of dropping it.
const number = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

export const emptyNetwork = (own: boolean): NetworkDraft => ({
  own, maxLength: '', maxLinks: '', maxMentions: '', maxHashtags: '', visualRequired: false, altTextRequired: false,
});

/** The form for a charter, with a place for every network the workspace publishes to. */
export function toDraft(charter: Charter, networksInUse: readonly string[]): CharterDraft {
  const networks: Record<string, NetworkDraft> = {};
  const names = [DEFAULT_NETWORK, ...[...new Set([...networksInUse, ...Object.keys(charter.networks)])].filter((n) => n !== DEFAULT_NETWORK).sort()];
  for (const name of names) {
    const rules = charter.networks[name];
    networks[name] = rules
      ? { own: true, ...Object.fromEntries(LIMITS.map((l) => [l, limit(rules[l])])) as Record<Limit, string>, visualRequired: rules.visualRequired, altTextRequired: rules.altTextRequired }
      : emptyNetwork(name === DEFAULT_NETWORK);
  }
  return {
    address: charter.voice.address,
    englishRegister: charter.voice.englishRegister,
    maxExclamations: limit(charter.voice.maxExclamations),
    languages: [...charter.languages],
    emoji: charter.emoji,
    emojiMax: String(charter.emojiMax),
    signatureText: charter.signature.text,
    signatureOn: [...charter.signature.on],
    frenchTypography: charter.frenchTypography,
    names: charter.names.map((n) => ({ key: rowKey(), name: n.name, variants: list(n.variants) })),
    prefer: charter.vocabulary.prefer.map((p) => ({ key: rowKey(), use: p.use, insteadOf: list(p.insteadOf), language: p.language ?? '', reason: p.reason, severity: p.severity })),
    forbidden: charter.vocabulary.forbidden.map((f) => ({ key: rowKey(), term: f.term, language: f.language ?? '', reason: f.reason, action: f.action })),
    keyTags: charter.hashtags.key.join(' '),
    banned: charter.hashtags.banned.map((b) => ({ key: rowKey(), tag: b.tag, reason: b.reason })),
    perCampaign: charter.hashtags.perCampaign.map((c) => ({ key: rowKey(), campaignId: c.campaignId, required: c.required.join(' ') })),
    networks,
  };
}

function networkRules(d: NetworkDraft) {
  return {
    ...Object.fromEntries(LIMITS.map((l) => [l, number(d[l])])),
    visualRequired: d.visualRequired,
    altTextRequired: d.altTextRequired,
  };
}

const isEmptyNetwork = (d: NetworkDraft) => LIMITS.every((l) => d[l].trim() === '') && !d.visualRequired && !d.altTextRequired;

/** The charter the form says, before the schema's checks; rows are kept in the form's order, empty ones too. */
export function fromDraft(d: CharterDraft): CharterInput {
  const networks: Record<string, ReturnType<typeof networkRules>> = {};
  for (const [name, rules] of Object.entries(d.networks)) {
    if (name === DEFAULT_NETWORK ? !isEmptyNetwork(rules) : rules.own) networks[name] = networkRules(rules);
  }
  const emojiMax = d.emojiMax.trim() === '' ? undefined : Number(d.emojiMax.trim());
  return {
    voice: { address: d.address, englishRegister: d.englishRegister, maxExclamations: number(d.maxExclamations) },
    languages: d.languages,
    emoji: d.emoji,
    emojiMax,
    signature: { text: d.signatureText, on: d.signatureOn },
    frenchTypography: d.frenchTypography,
    names: d.names.map((n) => ({ name: n.name, variants: words(n.variants) })),
    vocabulary: {
      prefer: d.prefer.map((p) => ({ use: p.use, insteadOf: words(p.insteadOf), language: p.language || null, reason: p.reason, severity: p.severity })),
      forbidden: d.forbidden.map((f) => ({ term: f.term, language: f.language || null, reason: f.reason, action: f.action })),
    },
    hashtags: {
      key: tags(d.keyTags),
      banned: d.banned.map((b) => ({ tag: b.tag, reason: b.reason })),
      perCampaign: d.perCampaign.map((c) => ({ campaignId: c.campaignId, required: tags(c.required) })),
    },
    networks,
  } as CharterInput;
}

/** What is wrong with a field, as a key of charter.page.errors and the values its sentence needs. */
export interface FieldError {
  code: 'required' | 'tooLong' | 'tooMany' | 'tooSmall' | 'tooBig' | 'number' | 'hashtag' | 'invalid' | 'server';
  values: Record<string, string | number>;
}

export type DraftCheck = { ok: true; charter: Charter } | { ok: false; errors: Map<string, FieldError> };

/** The draft as a charter, or each field's problem keyed by its path ("vocabulary.prefer.2.use"). */
export function checkDraft(d: CharterDraft): DraftCheck {
  const parsed = Charter.safeParse(fromDraft(d));
  if (parsed.success) return { ok: true, charter: parsed.data };
  const errors = new Map<string, FieldError>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, fieldError(issue as unknown as Issue));
  }
  return { ok: false, errors };
}

interface Issue {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

function fieldError(issue: Issue): FieldError {
  const min = Number(issue.minimum ?? 0);
  const max = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return { code: 'tooSmall', values: { min } };
      return { code: 'required', values: {} };
    case 'too_big':
      if (issue.origin === 'number') return { code: 'tooBig', values: { max } };
      return issue.origin === 'array' ? { code: 'tooMany', values: { max } } : { code: 'tooLong', values: { max } };
    case 'invalid_type':
      return { code: 'number', values: {} };
    case 'invalid_format':
      return { code: 'hashtag', values: {} };
    case 'not_multiple_of':
      return { code: 'number', values: {} };
    default:
      return { code: 'invalid', values: {} };
  }
}
