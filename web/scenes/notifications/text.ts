import type { TFunction } from 'i18next';
import type { NotificationView } from '../../../src/shared/notifications.js';

/**
 * The words of a notification, from its kind and params, in the reader's language. Kinds are looked up as
 * `notifications.kinds.<camelCased kind>`; a kind this version of the app does not know still reads sensibly.
 */
export function kindKey(kind: string): string {
  return kind.replace(/[._-]+(\w)/g, (_, c: string) => c.toUpperCase());
}

export function kindLabel(t: TFunction, kind: string): string {
  return t(`notifications.kinds.${kindKey(kind)}.label`, { defaultValue: kind });
}

export function kindHint(t: TFunction, kind: string): string {
  return t(`notifications.kinds.${kindKey(kind)}.hint`, { defaultValue: '' });
}

export interface NotificationWords {
  text: string;
  /** Someone's own words (a comment, the network's reason), shown apart and quoted. */
  detail: string | null;
}

export function notificationWords(t: TFunction, n: Pick<NotificationView, 'kind' | 'params'>): NotificationWords {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.params)) values[k] = v === null ? '' : String(v);
  const base = `notifications.kinds.${kindKey(n.kind)}`;
  const variant = n.kind === 'post.failed' && values.outcome === 'unknown' ? 'textUnknown' : 'text';
  const text = t(`${base}.${variant}`, { ...values, defaultValue: t('notifications.kinds.unknown.text') });
  const detail = values.comment || values.reason || null;
  return { text, detail };
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86400_000],
  ['month', 30 * 86400_000],
  ['week', 7 * 86400_000],
  ['day', 86400_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "il y a 2 jours"; under a minute, "now". */
export function timeAgo(iso: string, now: number, locale: string): string {
  const elapsed = now - new Date(iso).getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(-Math.round(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}
