/** Dates and times on the overview, in the workspace's zone and the reader's language. */
import { DateTime } from 'luxon';

const at = (iso: string, zone: string, locale: string) => DateTime.fromISO(iso).setZone(zone).setLocale(locale);

export const timeOf = (iso: string, zone: string, locale: string) => at(iso, zone, locale).toLocaleString(DateTime.TIME_SIMPLE);

/** "Thursday 16 January" (or "Thursday, January 16"). */
export const dayOf = (iso: string, zone: string, locale: string) =>
  at(iso, zone, locale).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });

/** "Thu 16 Jan, 09:30": for posts that may be on any day. */
export const dayAndTimeOf = (iso: string, zone: string, locale: string) =>
  at(iso, zone, locale).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The calendar day of an instant in the zone, to group posts by day. */
export const dayKey = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toISODate() ?? iso;
