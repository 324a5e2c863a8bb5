/**
 * Dates and numbers in the reader's language, through Intl. Every date and time is read on one clock, the
 * workspace's (as posts are planned): components get it through useWhen (web/app/useWhen.ts).
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    cache.set(key, found);
  }
  return found;
}

export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A time on the 24-hour clock of `zone`, with its weekday: "jeu. 08:54", "Thu 08:54". */
export function timeInZone(iso: string, zone: string, locale: string): string {
  return inZone(iso, zone, locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** A full date and time on the 24-hour clock of `zone`: "ven. 4 déc. 2026, 14:30", "Fri, Dec 4, 2026, 14:30". */
export function dateTimeInZone(iso: string | null | undefined, zone: string, locale: string): string {
  if (!iso) return '';
  return inZone(iso, zone, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** An instant in `zone` with the given parts, in the reader's language; the one place Ruche formats a time. */
export function inZone(iso: string, zone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(locale, { ...options, timeZone: zone }).format(date);
  } catch {
    return formatter(locale, { ...options, timeZone: 'UTC' }).format(date); // a zone this browser does not know
  }
}

/** A day in `zone`: "4 déc. 2026", "Dec 4, 2026". */
export function dayInZone(iso: string | null | undefined, zone: string, locale: string): string {
  if (!iso) return '';
  return inZone(iso, zone, locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A span of days in `zone`, said once where the ends share a month or a year: "4–6 déc. 2026", "Dec 4 – 6, 2026". */
export function dayRangeInZone(start: string | null, end: string | null, zone: string, locale: string): string {
  const [from, to] = [start, end].map((iso) => (iso && !Number.isNaN(new Date(iso).getTime()) ? new Date(iso) : null));
  const days = formatter(locale, { dateStyle: 'medium', timeZone: zone });
  if (from && to) return days.formatRange(from, to);
  return from || to ? days.format((from ?? to)!) : '';
}

/**
 * The days of a week whose end is the next week's first instant (weeks counted in UTC, as the server counts them),
 * the month and year said once where they are shared: "November 23 – 29, 2026", "23–29 novembre 2026".
 */
export function weekDays(fromIso: string, endIso: string, locale: string): string {
  const first = new Date(fromIso);
  const last = new Date(new Date(endIso).getTime() - 1);
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(first, last);
}

/** The place a zone is named after: "Paris" for Europe/Paris, "New York" for America/New_York. */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

type Translate = (key: string, values: Record<string, string>) => string;

/**
 * Which clock a time is read on, in words: "heure de Paris", "heure d’Amsterdam", "Paris time"; "UTC" for UTC.
 * French elides "de" before a vowel, which a translation cannot do by itself.
 */
export function zoneLabel(t: Translate, zone: string): string {
  if (zone === 'UTC' || zone.startsWith('Etc/')) return t('zone.utc', { zone });
  const city = zoneCity(zone);
  return t(/^[aeiouàâäéèêëîïôöûü]/i.test(city) ? 'zone.labelElided' : 'zone.label', { city });
}
