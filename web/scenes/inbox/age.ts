import { dayInZone } from '../../lib/format.js';

/** How long ago, short: "5 min", "3 h", "2 days", in the reader's language; the day in `zone` past a month. */
export function age(iso: string | null, locale: string, zone: string, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' });
  if (seconds < 60) return rtf.format(-Math.floor(seconds), 'second');
  if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.floor(seconds / 3600), 'hour');
  if (seconds < 86_400 * 30) return rtf.format(-Math.floor(seconds / 86_400), 'day');
  return dayInZone(iso, zone, locale);
}
