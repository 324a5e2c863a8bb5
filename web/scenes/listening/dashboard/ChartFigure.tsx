import type { ReactNode } from 'react';
import { ChartSection } from '../../../components/ChartSection.js';

interface ChartFigureProps {
  title: string;
  /** A sentence that says what the chart shows, read and seen. */
  summary: string;
  /** The chart's figures as a table, for screen readers (the drawing itself is hidden from them). */
  table: ReactNode;
  children: ReactNode;
}

/** A chart with its text alternative: a visible summary and the full figures in a visually hidden table. */
export function ChartFigure({ title, summary, table, children }: ChartFigureProps) {
  return (
    <ChartSection title={title} summary={summary} figures={<div className="visually-hidden">{table}</div>}>
      {children}
    </ChartSection>
  );
}

/**
 * A bucket's start as the axis and tables say it: the hour for hourly steps, on the workspace's clock (`zone`), the
 * day otherwise, as the server counts days (in UTC).
 */
export function bucketLabel(iso: string, bucket: 'hour' | 'day', locale: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = bucket === 'hour' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function bucketLong(iso: string, bucket: 'hour' | 'day', locale: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = bucket === 'hour'
    ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }
    : { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
