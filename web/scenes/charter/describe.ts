/**
 * A charter in sentences, section by section: what a member who cannot edit it reads, what an old version shows,
 * and what a comparison between two versions compares (the sentences one has and the other lacks).
 */
import type { TFunction } from 'i18next';
import type { Charter, NetworkRules } from '../../../src/shared/charter/charter.js';
import { networkName } from '../../lib/counters.js';
import { DEFAULT_NETWORK, LIMITS } from './draft.js';

export const SECTIONS = ['voice', 'languages', 'emoji', 'signature', 'typography', 'names', 'prefer', 'forbidden', 'hashtags', 'networks'] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface Section {
  id: SectionId;
  title: string;
  lines: string[];
  /** The section sets nothing: its one line says so, and a comparison does not count it as a rule. */
  empty: boolean;
}

/** A word from the middle of a sentence, as a label's first word. */
export const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

const quoted = (t: TFunction, text: string) => t('charter.page.quoted', { text });
const list = (t: TFunction, values: readonly string[]) => values.map((v) => quoted(t, v)).join(', ');

function networkLines(t: TFunction, name: string, rules: NetworkRules): string {
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const parts = LIMITS.filter((l) => rules[l] !== null).map((l) => p(`describe.limits.${l}`, { n: rules[l] }));
  if (rules.visualRequired) parts.push(p('describe.visualRequired'));
  if (rules.altTextRequired) parts.push(p('describe.altTextRequired'));
  const network = name === DEFAULT_NETWORK ? p('networks.default') : networkName(name);
  return p('describe.network', { network, rules: parts.length ? parts.join(', ') : p('describe.noLimit') });
}

/** Every section of the charter, each with at least one sentence. */
export function describeCharter(t: TFunction, charter: Charter, campaignName: (id: string) => string): Section[] {
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const language = (l: 'fr' | 'en' | null) => (l ? p(`languageNames.${l}`) : p('vocabulary.bothLanguages'));
  const reason = (r: string) => (r ? p('describe.reason', { reason: r }) : '');
  const none = (lines: string[], empty: string): Lines => (lines.length ? lines : { empty: p(empty) });
  const { voice, hashtags } = charter;

  const sections: Record<SectionId, Lines> = {
    voice: [
      p(`describe.address.${voice.address}`),
      p(`describe.register.${voice.englishRegister}`),
      voice.maxExclamations === null ? p('describe.exclamationsFree') : p('describe.exclamations', { count: voice.maxExclamations }),
    ],
    languages: [charter.languages.map((l) => p(`languageNames.${l}`)).join(', ')],
    emoji: [charter.emoji === 'few' ? p('describe.emojiFew', { count: charter.emojiMax }) : p(`describe.emoji.${charter.emoji}`)],
    signature: [
      charter.signature.text
        ? p('describe.signature', { text: quoted(t, charter.signature.text), on: charter.signature.on.map((k) => p(`signature.kinds.${k}`)).join(', ') || p('describe.nowhere') })
        : p('describe.noSignature'),
    ],
    typography: [p(charter.frenchTypography ? 'describe.typographyOn' : 'describe.typographyOff')],
    names: none(
      charter.names.map((n) => (n.variants.length ? p('describe.nameWithVariants', { name: quoted(t, n.name), variants: list(t, n.variants) }) : quoted(t, n.name))),
      'describe.noNames',
    ),
    prefer: none(
      charter.vocabulary.prefer.map(
        (v) =>
          p('describe.prefer', { use: quoted(t, v.use), insteadOf: list(t, v.insteadOf), language: language(v.language), severity: p(`severity.${v.severity}`) }) + reason(v.reason),
      ),
      'describe.noPrefer',
    ),
    forbidden: none(
      charter.vocabulary.forbidden.map(
        (f) => p('describe.forbidden', { term: quoted(t, f.term), language: language(f.language), action: p(`forbidden.actions.${f.action}`) }) + reason(f.reason),
      ),
      'describe.noForbidden',
    ),
    hashtags: none(
      [
        ...(hashtags.key.length ? [p('describe.keyTags', { tags: hashtags.key.join(' ') })] : []),
        ...hashtags.banned.map((b) => p('describe.bannedTag', { tag: b.tag }) + reason(b.reason)),
        ...hashtags.perCampaign.map((c) => p('describe.campaignTags', { campaign: campaignName(c.campaignId), tags: c.required.join(' ') })),
      ],
      'describe.noHashtags',
    ),
    networks: none(
      Object.entries(charter.networks)
        .sort(([a], [b]) => (a === DEFAULT_NETWORK ? -1 : b === DEFAULT_NETWORK ? 1 : a.localeCompare(b)))
        .map(([name, rules]) => networkLines(t, name, rules)),
      'describe.noNetworkRules',
    ),
  };
  return SECTIONS.map((id) => {
    const lines = sections[id];
    return Array.isArray(lines) ? { id, title: p(`${id}.legend`), lines, empty: false } : { id, title: p(`${id}.legend`), lines: [lines.empty], empty: true };
  });
}

/** A section's sentences, or the one that says it sets nothing. */
type Lines = string[] | { empty: string };

export interface SectionChange {
  id: SectionId;
  title: string;
  /** Sentences of the newer charter that the older one lacks, and the reverse. */
  added: string[];
  removed: string[];
}

/** The sections that differ between two charters, with the sentences that differ. */
export function diffCharters(older: Section[], newer: Section[]): SectionChange[] {
  const changes: SectionChange[] = [];
  for (const section of newer) {
    const old = older.find((s) => s.id === section.id);
    const before = !old || old.empty ? [] : old.lines;
    const now = section.empty ? [] : section.lines;
    const added = without(now, before);
    const removed = without(before, now);
    if (added.length || removed.length) changes.push({ id: section.id, title: section.title, added, removed });
  }
  return changes;
}

/** The lines of `a` not matched by a line of `b`, counting repeats. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const line of b) left.set(line, (left.get(line) ?? 0) + 1);
  return a.filter((line) => {
    const n = left.get(line) ?? 0;
    if (n === 0) return true;
    left.set(line, n - 1);
    return false;
  });
}
