/**
 * A rule in plain words, in the reader's language: "When a reply contains hate at 90 % or more: hide it and label
 * it “hate”." Plain TypeScript over a translate function, so that it is tested without React.
 */
import type { TFunction } from 'i18next';
import type { RuleAction, RuleConditions } from '../../api/moderation.js';
import { formatPercent } from '../../lib/format.js';

export interface SummaryNames {
  member?: (id: string) => string | undefined;
  savedReply?: (id: string) => string | undefined;
  department?: (key: string) => string | undefined;
}

const list = (lang: string, items: string[], type: 'conjunction' | 'disjunction') => new Intl.ListFormat(lang, { type }).format(items);

export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function conditionPhrases(t: TFunction, lang: string, c: RuleConditions): string[] {
  const p = (key: string, values: Record<string, unknown> = {}) => t(`moderation.summary.if.${key}`, values);
  const quoted = (words: string[]) => words.map((w) => t('moderation.summary.quoted', { text: w }));
  const out: string[] = [];
  if (c.toxicity) out.push(p(`toxicity.${c.toxicity.category}`, { percent: formatPercent(c.toxicity.min, lang) }));
  if (c.keywords?.length) out.push(p('keywords', { words: list(lang, quoted(c.keywords), 'disjunction') }));
  if (c.pattern) out.push(p('pattern', { pattern: c.pattern }));
  if (c.languages?.length) out.push(p('languages', { languages: list(lang, c.languages.map((l) => languageName(l, lang)), 'disjunction') }));
  if (c.sentiment?.length) out.push(p('sentiment', { sentiments: list(lang, c.sentiment.map((s) => t(`moderation.sentiments.${s}`)), 'disjunction') }));
  if (c.complaint !== undefined) out.push(p(c.complaint ? 'complaint' : 'noComplaint'));
  if (c.hasLink !== undefined) out.push(p(c.hasLink ? 'link' : 'noLink'));
  if (c.networks?.length) out.push(p('networks', { networks: list(lang, c.networks.map((n) => t(`moderation.networks.${n}`, { defaultValue: n })), 'disjunction') }));
  if (c.authorLists?.length) out.push(p('lists', { lists: list(lang, quoted(c.authorLists), 'disjunction') }));
  if (c.authorMaxAgeDays !== undefined) out.push(p('age', { count: c.authorMaxAgeDays }));
  const min = c.authorMinFollowers;
  const max = c.authorMaxFollowers;
  if (min !== undefined && max !== undefined) out.push(p('followersBetween', { min, max }));
  else if (min !== undefined) out.push(p('followersMin', { count: min }));
  else if (max !== undefined) out.push(p('followersMax', { count: max }));
  if (c.authorRemovedAtLeast !== undefined) out.push(p('removed', { count: c.authorRemovedAtLeast }));
  return out;
}

export function actionPhrase(t: TFunction, a: RuleAction, names: SummaryNames = {}): string {
  const p = (values: Record<string, unknown> = {}) => t(`moderation.summary.do.${a.type}`, values);
  // An action whose target is not chosen yet is said without it.
  const some = () => t(`moderation.summary.do.${a.type}Some`);
  switch (a.type) {
    case 'label':
      return a.label ? p({ label: a.label }) : some();
    case 'assign': {
      const name = names.member?.(a.userId);
      return name ? p({ name }) : some();
    }
    case 'email':
      return a.to ? p({ to: a.to }) : some();
    case 'webhook':
      return a.url ? p({ host: hostOf(a.url) }) : some();
    case 'reply': {
      const title = names.savedReply?.(a.savedReplyId);
      return title ? p({ title }) : some();
    }
    case 'ticket': {
      const department = a.department ? names.department?.(a.department) ?? a.department : null;
      return department ? p({ department }) : some();
    }
    default:
      return p();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function ruleSummary(t: TFunction, lang: string, conditions: RuleConditions, actions: RuleAction[], names: SummaryNames = {}): string {
  const kinds = conditions.kinds?.length ? conditions.kinds : null;
  const subject = kinds ? list(lang, kinds.map((k) => t(`moderation.summary.subject.${k}`)), 'disjunction') : t('moderation.summary.subject.any');
  const ifs = conditionPhrases(t, lang, conditions);
  const does = actions.length ? list(lang, actions.map((a) => actionPhrase(t, a, names)), 'conjunction') : t('moderation.summary.nothing');
  if (!ifs.length) return t('moderation.summary.always', { subject, actions: does });
  return t('moderation.summary.when', { subject, conditions: list(lang, ifs, 'conjunction'), actions: does });
}
