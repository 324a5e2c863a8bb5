import { useId, type ReactNode } from 'react';

interface ChartSectionProps {
  title: string;
  /** A sentence that says what the chart shows, read and seen. */
  summary: string;
  /** The chart's figures for those who cannot see the drawing: a table, hidden or one click away. */
  figures: ReactNode;
  children: ReactNode;
}

/** A chart card: the drawing is hidden from screen readers, its summary is not, and its figures follow. */
export function ChartSection({ title, summary, figures, children }: ChartSectionProps) {
  const id = useId();
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <figure className="chart-figure">
        <div className="chart-drawing" aria-hidden="true">
          {children}
        </div>
        <figcaption className="chart-summary">{summary}</figcaption>
      </figure>
      {figures}
    </section>
  );
}
