import type { ReportStrings } from './i18n/index.js';

/** Numbers, percents and dates in the report's locale, dates in the workspace's time zone. */
export interface Formats {
  number(v: number | null, digits?: number): string;
  percent(v: number | null, digits?: number): string;
  signedPercent(v: number | null): string;
  date(ms: number, timeZone: string): string;
  day(isoDay: string): string;
  periodLabel(start: number, end: number, timeZone: string): string;
}

const DASH = '–';

export function formats(locale: 'en' | 'fr'): Formats {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (min: number, max: number, sign = false) => {
    const key = `${min}:${max}:${sign}`;
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: min, maximumFractionDigits: max, signDisplay: sign ? 'exceptZero' : 'auto' })));
    return f;
  };
  // French puts a narrow no-break space before the percent sign.
  const pct = locale === 'fr' ? '\u202f%' : '%';
  const dateIn = (timeZone: string) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return {
    number: (v, digits) => (v === null || !Number.isFinite(v) ? DASH : nf(0, digits ?? (Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0)).format(v)),
    percent: (v, digits = 1) => (v === null || !Number.isFinite(v) ? DASH : `${nf(0, digits).format(v)}${pct}`),
    signedPercent: (v) => (v === null || !Number.isFinite(v) ? DASH : `${nf(0, 1, true).format(v)}${pct}`),
    date: (ms, timeZone) => dateIn(timeZone).format(ms),
    day: (isoDay) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${isoDay}T00:00:00Z`)),
    // The end is exclusive: the last day shown is the one before it.
    periodLabel: (start, end, timeZone) => {
      const f = dateIn(timeZone);
      return `${f.format(start)} – ${f.format(end - 1)}`;
    },
  };
}

/** The period in words: "March 2026", "Q1 2026", or the range. */
export function periodName(t: ReportStrings, locale: 'en' | 'fr', period: string, start: number, end: number, timeZone: string): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  if (period === 'month') {
    const s = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone }).format(start);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  if (period === 'quarter') {
    const parts = new Intl.DateTimeFormat('en-GB', { month: 'numeric', year: 'numeric', timeZone }).formatToParts(start);
    const month = Number(parts.find((p) => p.type === 'month')?.value ?? 1);
    const year = parts.find((p) => p.type === 'year')?.value ?? '';
    const q = Math.floor((month - 1) / 3) + 1;
    return locale === 'fr' ? `${q}${q === 1 ? 'er' : 'e'} trimestre ${year}` : `Q${q} ${year}`;
  }
  return formats(locale).periodLabel(start, end, timeZone);
}
