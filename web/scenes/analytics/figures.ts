/** How each figure reads: a count, a percentage or a duration, in the reader's language. */
import type { Figure } from './api.js';

export type Unit = 'count' | 'percent' | 'minutes';

// Rates travel in percent (4.2 means 4.2 %), as the server computes them.
const PERCENT = new Set([
  'engagementRateFollowers',
  'engagementRateViews',
  'followerGrowthPct',
  'responseRate',
  'negativeShare',
  'positiveShare',
  'inboxNegativeShare',
  'listeningNegativeShare',
  'engagement_rate',
  'response_rate',
  'share_of_voice',
  'positive_share',
]);
const MINUTES = new Set(['firstResponseMinutes', 'first_response_minutes']);

export function unitOf(key: string): Unit {
  if (PERCENT.has(key)) return 'percent';
  if (MINUTES.has(key)) return 'minutes';
  return 'count';
}

export function formatNumber(n: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
  }).format(n);
}

/** A chart's axis label: whole below 100,000 ("12 345"), shortened above ("1,2 M") so the axis keeps its width. */
export function formatTick(n: number, locale: string): string {
  return Math.abs(n) < 100_000 ? formatNumber(n, locale) : new Intl.NumberFormat(locale, { notation: 'compact' }).format(n);
}

/** A value in its unit: "1 234", "4,2 %", "1 h 5 min". */
export function formatValue(value: number | null, unit: Unit, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (unit === 'percent')
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(value / 100);
  if (unit === 'minutes') return formatMinutes(value, locale);
  return formatNumber(value, locale, Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0);
}

export function formatMinutes(minutes: number, locale: string): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
    }).format(value);
  if (h === 0) return unit(m, 'minute');
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`;
}

/** A change in percent with its sign: "+12 %", "−3,5 %". */
export function formatChange(pct: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(pct / 100);
}

/** Whether a rise is good news: a longer first response is not. */
export function riseIsGood(key: string): boolean {
  return ![
    'firstResponseMinutes',
    'negativeShare',
    'inboxNegativeShare',
    'listeningNegativeShare',
    'complaints',
    'objectivesBehind',
  ].includes(key);
}

export function trend(figure: Figure): 'up' | 'down' | 'flat' | 'none' {
  if (figure.changePct === null || !Number.isFinite(figure.changePct)) return 'none';
  if (figure.changePct > 0) return 'up';
  if (figure.changePct < 0) return 'down';
  return 'flat';
}

/** Only links to the web leave the app: a network's answer could hold a javascript: address. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
