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

/** A bucket's start as the axis and tables say it: the hour for hourly steps, the day otherwise. */
export function bucketLabel(iso: string, bucket: 'hour' | 'day', locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = bucket === 'hour' ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function bucketLong(iso: string, bucket: 'hour' | 'day', locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = bucket === 'hour' ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'long' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
