/** A report's period: a calendar month or quarter of the workspace's time zone, the last finished one by default. */
import { DateTime } from 'luxon';

export interface PeriodChoice {
  value: string;
  /** Its first and last days, as the API takes them. */
  from: string;
  to: string;
  /** For the label: a month's first day, or a quarter's number and year. */
  first: DateTime;
}

/** The last `count` finished months or quarters (and the one running), newest first. */
export function periodChoices(kind: 'month' | 'quarter', zone: string, now: number, count = 8): PeriodChoice[] {
  const unit = kind === 'month' ? 'month' : 'quarter';
  const step = kind === 'month' ? { months: 1 } : { months: 3 };
  const current = DateTime.fromMillis(now, { zone }).startOf(unit);
  const out: PeriodChoice[] = [];
  for (let i = 0; i < count; i++) {
    const first = current.minus({ months: (kind === 'month' ? 1 : 3) * i });
    out.push({
      value: first.toISODate()!,
      from: first.toISODate()!,
      to: first.plus(step).minus({ days: 1 }).toISODate()!,
      first,
    });
  }
  return out;
}

export function periodLabel(
  kind: 'month' | 'quarter',
  first: DateTime,
  locale: string,
  quarterWord: (q: number, year: number) => string,
): string {
  if (kind === 'month') return first.setLocale(locale).toFormat('LLLL yyyy');
  return quarterWord(first.quarter, first.year);
}
