import { DateTime } from 'luxon';

/**
 * A post's curve spans hours or days: over several days its axis marks each day once, at midnight of the zone (a
 * tick placed anywhere would repeat "1 Dec" for two readings of the same day); over a shorter span, the hours.
 */
export function growthTicks(first: number, last: number, zone: string, locale: string): { ticks: number[] | undefined; format: Intl.DateTimeFormat } {
  const ticks: number[] = [];
  for (let day = DateTime.fromMillis(first, { zone }).startOf('day').plus({ days: 1 }); day.toMillis() <= last; day = day.plus({ days: 1 })) {
    ticks.push(day.toMillis());
  }
  if (ticks.length >= 2) {
    return { ticks, format: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: zone }) };
  }
  return {
    ticks: undefined,
    format: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
  };
}
