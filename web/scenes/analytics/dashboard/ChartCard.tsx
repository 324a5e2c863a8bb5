import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartCardProps {
  title: string;
  /** A sentence that says what the chart shows, read and seen. */
  summary: string;
  /** How the plotted figure is computed, written under the chart as under every figure. */
  formula?: string;
  /** The chart's figures as a table, with a button per row to open its posts: the way in without a pointer. */
  table: ReactNode;
  children: ReactNode;
}

/** A chart with its text alternative: a visible summary, and its figures in a table one click away. */
export function ChartCard({ title, summary, formula, table, children }: ChartCardProps) {
  const { t } = useTranslation();
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
      {formula ? <p className="figure-formula">{formula}</p> : null}
      <details className="chart-table">
        <summary>{t('analytics.chart.showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
