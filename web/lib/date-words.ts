/**
 * What a browser date or time field holds, written in the app's language: the field itself speaks the browser's
 * language (an English browser shows 12/31/2026 and 02:30 PM on a French page), so its value is read back in words.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/** "2026-12-31", "2026-12-31T14:30" or "14:30" in words ("jeudi 31 décembre 2026 à 14:30"), or null when not one. */
export function dateInWords(value: string, language: string): string | null {
  const time = TIME.exec(value);
  if (time) return Number(time[1]) < 24 && Number(time[2]) < 60 ? `${time[1]}:${time[2]}` : null;
  const m = DATE_TIME.exec(value) ?? DATE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map((n) => (n === undefined ? undefined : Number(n)));
  // The field's wall-clock value, shown as is: computed and written in UTC so that no zone moves it.
  const at = new Date(Date.UTC(year!, month! - 1, day!, hour ?? 0, minute ?? 0));
  if (at.getUTCMonth() !== month! - 1 || at.getUTCDate() !== day) return null;
  const withTime = hour !== undefined ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const : {};
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', ...withTime }).format(at);
}
