/** How an alert and a crisis are said: its measure against the usual, durations, and the links we dare to follow. */
import type { TFunction } from 'i18next';
import type { AlertView } from './api.js';

const MINUTE = 60_000;

/** The alert's window in minutes; the server stores its end as the last millisecond inside it. */
export function windowMinutes(alert: Pick<AlertView, 'windowStart' | 'windowEnd'>): number {
  const span = new Date(alert.windowEnd).getTime() - new Date(alert.windowStart).getTime();
  return Number.isFinite(span) ? Math.max(1, Math.round(span / MINUTE)) : 0;
}

/**
 * "214 mentions in 15 min — about 20 usual": what was seen against what the radar expected. A sentiment drop
 * compares shares of negative mentions, so its figures are percentages.
 */
export function measure(t: TFunction, alert: Pick<AlertView, 'kind' | 'observed' | 'expected' | 'windowStart' | 'windowEnd'>, locale: string): string {
  const minutes = windowMinutes(alert);
  if (alert.kind === 'sentiment_drop') {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return t('crisis.measure.sentiment_drop', { observed: percent.format(alert.observed), expected: percent.format(alert.expected), minutes });
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const count = Math.round(alert.observed);
  return t(`crisis.measure.${alert.kind}`, { count, observed: number.format(count), expected: number.format(alert.expected), minutes });
}

/** How long a crisis has been open, or lasted: "2 h 05 min", "3 j 4 h". */
export function duration(t: TFunction, fromIso: string, toMs: number): string {
  const minutes = Math.max(0, Math.floor((toMs - new Date(fromIso).getTime()) / MINUTE));
  if (!Number.isFinite(minutes)) return '';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('crisis.duration.days', { days, hours });
  if (hours > 0) return t('crisis.duration.hours', { hours, minutes: String(rest).padStart(2, '0') });
  // "0 min" reads as nothing happened: a crisis opened this minute says so in words.
  if (rest === 0) return t('crisis.duration.underMinute');
  return t('crisis.duration.minutes', { minutes: rest });
}

/** A link from a network only when it is plain http(s): never javascript:, data: or anything a browser would run. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url || url.length > 2048) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The topic's colour only when it is one: a hostile or broken value never reaches a style attribute. */
export function topicColor(color: string | null | undefined): string {
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#8a5300';
}
