import type { ReactNode } from 'react';
import { CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { bucketLabel, bucketLong } from './ChartFigure.js';
import { useWhen } from '../../../app/useWhen.js';

type Bucket = 'hour' | 'day';

interface BucketTableProps<R extends { at: string }> {
  caption: string;
  bucket: Bucket;
  rows: R[];
  columns: { key: keyof R & string; head: ReactNode }[];
  count: (v: unknown) => string;
}

/** A chart's figures as a table: a row per time bucket, a column per series. */
export function BucketTable<R extends { at: string }>({ caption, bucket, rows, columns, count }: BucketTableProps<R>) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('listening.dashboard.when')}</th>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.at}>
            <th scope="row">{bucketLong(r.at, bucket, i18n.language, clock.zone)}</th>
            {columns.map((c) => (
              <td key={c.key}>{count(r[c.key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The grid, time axis, count axis and tooltip that every chart over time buckets draws the same way. */
export function bucketAxes(bucket: Bucket, locale: string, zone: string, count: (v: unknown) => string) {
  return [
    <CartesianGrid key="grid" stroke="#e4ddcf" vertical={false} />,
    <XAxis key="x" dataKey="at" tickFormatter={(v: string) => bucketLabel(v, bucket, locale, zone)} tick={{ fontSize: 12, fill: '#4a4336' }} minTickGap={24} />,
    <YAxis key="y" allowDecimals={false} tickFormatter={count} tick={{ fontSize: 12, fill: '#4a4336' }} width={48} />,
    <Tooltip key="tip" labelFormatter={(v) => bucketLong(String(v), bucket, locale, zone)} formatter={(v) => count(v)} />,
  ];
}
