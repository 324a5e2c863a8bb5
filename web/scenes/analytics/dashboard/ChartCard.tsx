import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartSection } from '../../../components/ChartSection.js';

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
  const figures = (
    <>
      {formula ? <p className="figure-formula">{formula}</p> : null}
      <details className="chart-table">
        <summary>{t('analytics.chart.showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </>
  );
  return (
    <ChartSection title={title} summary={summary} figures={figures}>
      {children}
    </ChartSection>
  );
}
