import type { TFunction } from 'i18next';

/**
 * What an analysis rule means, in a sentence of the reader's language ("Threat written in the first person"),
 * never its internal name: a rule this version does not know yet gets a generic wording.
 */
export function ruleSaid(t: TFunction, rule: string): string {
  const unknown = t('inbox.ruleSaid.unknown');
  return /^[a-z0-9-]{1,60}$/.test(rule) ? t(`inbox.ruleSaid.${rule}`, { defaultValue: unknown }) : unknown;
}
