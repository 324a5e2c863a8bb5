import { DateTime } from 'luxon';

export interface Slot {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes after midnight. */
  minute: number;
}

/**
 * The next queue slot of an account after `after`, in the account's time zone, that no post already takes.
 * Slots are wall-clock times: "Tuesday 09:30 in Europe/Paris" stays 09:30 across daylight-saving changes.
 */
export function nextFreeSlot(
  slots: readonly Slot[],
  timezone: string,
  after: number,
  taken: ReadonlySet<number>,
  horizonWeeks = 8,
): number | null {
  if (slots.length === 0) return null;
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.minute - b.minute);
  const start = DateTime.fromMillis(after, { zone: timezone }).startOf('day');
  for (let day = 0; day < horizonWeeks * 7; day++) {
    const date = start.plus({ days: day });
    const weekday = date.weekday - 1;
    for (const slot of sorted) {
      if (slot.weekday !== weekday) continue;
      const at = date.set({ hour: Math.floor(slot.minute / 60), minute: slot.minute % 60 });
      // A wall-clock time skipped by a daylight-saving jump moves forward; luxon keeps it valid.
      const ms = at.toMillis();
      if (ms > after && !taken.has(ms)) return ms;
    }
  }
  return null;
}
