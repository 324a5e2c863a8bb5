/** Local days (YYYY-MM-DD, already in the workspace's zone) said in the reader's language. */
const read = (day: string) => new Date(`${day}T12:00:00Z`);

export function dayShort(day: string, locale: string): string {
  const d = read(day);
  return Number.isNaN(d.getTime())
    ? day
    : new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(d);
}

export function dayLong(day: string, locale: string): string {
  const d = read(day);
  return Number.isNaN(d.getTime())
    ? day
    : new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
}

/** Monday is 0, as the server counts weekdays. */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, {
    weekday: width,
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1 + weekday, 12)));
}

export function hourName(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, hour)));
}
