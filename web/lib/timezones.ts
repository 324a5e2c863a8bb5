/**
 * Time zones for pickers: every IANA zone the browser knows, under its current name, with its UTC offset
 * now, and a search that finds a zone by city, region, old name or offset.
 */
import { DateTime } from 'luxon';

/**
 * Zones that ICU, and so Intl.supportedValuesOf, still lists under an old spelling, with their current IANA
 * name. Both names work everywhere; people look for the current one (Kyiv, not Kiev).
 */
export const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

export interface ZoneChoice {
  /** The current IANA name, e.g. Asia/Kolkata. */
  id: string;
  /** Minutes ahead of UTC now (daylight-saving time included). */
  offsetMinutes: number;
  /** "UTC+05:30", "UTC−03:00", "UTC". */
  offset: string;
  /** Other names of the same zone, found by the search too. */
  aliases: string[];
  /** Everything the search looks in, normalised. */
  haystack: string;
}

export const currentName = (zone: string): string => CURRENT_NAMES[zone] ?? zone;

/** The browser's own zone, under its current name. */
export function browserZone(): string {
  return currentName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

function supportedZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '\u2212';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_/]/g, ' ')
    .replace(/\u2212/g, '-');

function offsetWords(minutes: number): string {
  if (minutes === 0) return 'utc gmt +0 +00:00 -0 z';
  const sign = minutes > 0 ? '+' : '-';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  const mm = String(m).padStart(2, '0');
  const forms = [`${sign}${h}`, `${sign}${String(h).padStart(2, '0')}`, `${sign}${h}:${mm}`, `${sign}${String(h).padStart(2, '0')}:${mm}`];
  return forms.flatMap((f) => [f, `utc${f}`, `gmt${f}`]).join(' ');
}

/** Every zone once, under its current name, sorted by offset then name. `extra` zones (a saved value) are kept. */
export function zoneChoices(now: number = Date.now(), extra: readonly string[] = []): ZoneChoice[] {
  const byId = new Map<string, Set<string>>();
  for (const raw of ['UTC', ...supportedZones(), ...extra]) {
    if (!raw) continue;
    const id = currentName(raw);
    const aliases = byId.get(id) ?? new Set<string>();
    if (raw !== id) aliases.add(raw);
    byId.set(id, aliases);
  }
  const out: ZoneChoice[] = [];
  for (const [id, aliases] of byId) {
    const at = DateTime.fromMillis(now, { zone: id });
    if (!at.isValid) continue;
    const offsetMinutes = at.offset;
    const names = [id, ...aliases];
    out.push({
      id,
      offsetMinutes,
      offset: formatOffset(offsetMinutes),
      aliases: [...aliases],
      haystack: ` ${fold(names.join(' '))} ${offsetWords(offsetMinutes)} `,
    });
  }
  return out.sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
}

/**
 * The zones matching what was typed: every word must appear ("new york", "kolkata", "+5:30", "utc-3").
 * A zone whose city starts with the query comes first.
 */
export function searchZones(choices: readonly ZoneChoice[], query: string): ZoneChoice[] {
  const q = fold(query).trim();
  if (!q) return [...choices];
  const words = q.split(/\s+/);
  const hits = choices.filter((c) => words.every((w) => c.haystack.includes(w)));
  const city = (c: ZoneChoice) => fold(c.id.slice(c.id.lastIndexOf('/') + 1));
  const rank = (c: ZoneChoice) => (city(c).startsWith(q) ? 0 : c.haystack.includes(` ${words[0]}`) ? 1 : 2);
  return hits.map((c, i) => ({ c, i, r: rank(c) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.c);
}

/** The wall-clock time now in a zone, e.g. "14:05": on the 24-hour clock in both languages, as Ruche writes every time. */
export function timeIn(zone: string, locale: string, now: number = Date.now()): string {
  const at = DateTime.fromMillis(now, { zone }).setLocale(locale);
  return at.isValid ? at.toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : '';
}
