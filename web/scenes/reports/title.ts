import type { TFunction } from 'i18next';
import type { DateTime } from 'luxon';
import { periodLabel } from './periods.js';

/** "Report — November 2026", "Rapport — 4e trimestre 2026", in the report's own language. */
export function defaultTitle(t: TFunction, kind: 'month' | 'quarter', first: DateTime, locale: string): string {
  const lng = locale === 'fr' ? 'fr' : 'en';
  const label = periodLabel(kind, first, lng, (quarter, year) => t('reports.form.quarterName', { quarter, year, lng }));
  return t('reports.form.defaultTitle', { period: label, lng });
}
