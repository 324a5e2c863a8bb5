import type { ReportData } from './report-data.js';
import { reportStrings } from './i18n/index.js';
import { reportTables, type Cell } from './tables.js';

/**
 * The CSV: the daily series, then the posts, in one file, each under its title line and with a blank line between
 * them. One file opens with a double click in any spreadsheet; the XLSX carries every table on its own sheet for
 * those who compute. French spreadsheets expect ';' between cells and a decimal comma, English ones ',' and '.'.
 */
const CSV_TABLES = ['daily', 'posts'];

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe; every cell is quoted when needed. */
export function csvText(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date, time: boolean) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${time ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : ''}`;

export function renderReportCsv(data: ReportData): Buffer {
  const t = reportStrings(data.locale);
  const separator = data.locale === 'fr' ? ';' : ',';
  const number = (n: number) => (data.locale === 'fr' ? String(n).replace('.', ',') : String(n));
  const cell = (v: Cell): string => {
    if (v === null) return '';
    if (typeof v === 'number') return number(Math.round(v * 10000) / 10000);
    if (typeof v === 'string') return csvText(v, separator);
    if ('date' in v) return isoDate(v.date, v.time);
    return number(Math.round(v.percent * 100) / 100);
  };
  const blocks = reportTables(data, t)
    .filter((table) => CSV_TABLES.includes(table.key))
    .map((table) => [csvText(table.title, separator), table.columns.map((c) => csvText(c, separator)).join(separator), ...table.rows.map((r) => r.map(cell).join(separator))].join('\r\n'));
  // The byte order mark makes Excel read the file as UTF-8 (accents) instead of the system's code page.
  return Buffer.from(`\ufeff${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}
