import { en, type ReportStrings } from './en.js';
import { fr } from './fr.js';

export type ReportLocale = 'en' | 'fr';
export const REPORT_LOCALES = ['en', 'fr'] as const;

export function reportStrings(locale: string): ReportStrings {
  return locale === 'fr' ? fr : en;
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type { ReportStrings };
