/** Dates and times on the overview, in the workspace's zone and the reader's language, on the app's 24-hour clock. */
import { DateTime } from 'luxon';
import { inZone } from '../../../lib/format.js';

const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** "09:30". */
export const timeOf = (iso: string, zone: string, locale: string) => inZone(iso, zone, locale, CLOCK);

/** "Thursday 16 January" (or "Thursday, January 16"). */
export const dayOf = (iso: string, zone: string, locale: string) => inZone(iso, zone, locale, { weekday: 'long', day: 'numeric', month: 'long' });

/** "Thu 16 Jan, 09:30": for posts that may be on any day. */
export const dayAndTimeOf = (iso: string, zone: string, locale: string) => inZone(iso, zone, locale, { weekday: 'short', day: 'numeric', month: 'short', ...CLOCK });

/** The calendar day of an instant in the zone, to group posts by day. */
export const dayKey = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toISODate() ?? iso;
