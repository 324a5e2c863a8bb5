/** A finding in the reader's words: from its rule and params, never from the server's wording. No React. */
import type { TFunction } from 'i18next';
import type { Severity } from '../../../src/shared/charter/charter.js';
import type { Finding } from '../../../src/shared/charter/findings.js';
import { networkName } from '../../lib/counters.js';

/** A finding as shown: the server's answer also carries its own wording, used only for a rule this app does not know. */
export type ShownFinding = Finding & { message?: string };

const LANGUAGES = new Set(['fr', 'en']);

function values(t: TFunction, f: Finding): Record<string, string | number> {
  const out: Record<string, string | number> = { ...f.params };
  if (typeof out.network === 'string') out.network = out.network ? networkName(out.network) : t('charter.lint.everyNetwork');
  const language = (code: string) => (LANGUAGES.has(code) ? t(`charter.lint.languages.${code}`) : code);
  if (f.rule === 'language.not_allowed') {
    out.language = language(String(out.language));
    out.allowed = String(out.allowed ?? '').split(',').map(language).join(t('charter.lint.separator'));
  }
  return out;
}

export function findingMessage(t: TFunction, f: ShownFinding): string {
  return t(`charter.lint.rules.${f.rule}`, { ...values(t, f), defaultValue: f.message ?? f.rule });
}

export function fixLabel(t: TFunction, f: Finding): string {
  if (!f.fix) return '';
  const replacement = f.fix.edits.map((e) => e.replacement.trim()).find(Boolean) ?? '';
  return t(`charter.lint.fixes.${f.fix.kind}`, { ...values(t, f), replacement, defaultValue: t('charter.lint.fixes.other') });
}

export const SEVERITY_ORDER: readonly Severity[] = ['blocking', 'warning', 'suggestion'];

/** "2 blocking, 1 warning", or that the text keeps to the charter. */
export function findingsSummary(t: TFunction, findings: readonly Finding[]): string {
  const parts = SEVERITY_ORDER.map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length }))
    .filter((p) => p.count > 0)
    .map((p) => t(`charter.lint.count.${p.severity}`, { count: p.count }));
  return parts.length ? parts.join(t('charter.lint.separator')) : t('charter.lint.clean');
}

/** What stops a message from going out, as the server judges it: a legal-review term only adds an approval. */
export const stopsMessage = (f: Finding) => f.severity === 'blocking' && !f.needsLegalReview;
