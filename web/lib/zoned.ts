/** Times in a named zone (the workspace's, an account's), through luxon. */
import { DateTime } from 'luxon';
import { dateTimeInZone, timeInZone } from './format.js';

/** An instant as the value of a datetime-local input in `zone`. */
export function toLocalInput(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { setZone: false }).setZone(zone);
  return dt.isValid ? dt.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

/** A datetime-local value read in `zone`, as an ISO instant (null when empty or invalid). */
export function fromLocalInput(value: string, zone: string): string | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** "Tue 09:30" in `zone`, in the reader's language. */
export const shortInZone = (iso: string, zone: string, locale: string): string => timeInZone(iso, zone, locale);

/** A full date and time in `zone`, in the reader's language, on the 24-hour clock used everywhere in Ruche. */
export const longInZone = (iso: string | null | undefined, zone: string, locale: string): string => dateTimeInZone(iso, zone, locale);

/** An ISO string from FullCalendar (with an offset when a zone plugin is used) as a UTC instant. */
export function calendarInstant(startStr: string, zone: string): string | null {
  const dt = DateTime.fromISO(startStr, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

export const minuteToTime = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function timeToMinute(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  return minute >= 0 && minute < 1440 ? minute : null;
}
