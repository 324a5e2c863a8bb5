import ExcelJS from 'exceljs';
import type { ReportData } from './report-data.js';
import { reportStrings } from './i18n/index.js';
import { reportTables, type Cell } from './tables.js';

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
const sheetName = (title: string, used: Set<string>) => {
  let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${title.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

function write(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'number' || typeof value === 'string') {
    cell.value = value;
  } else if ('date' in value) {
    cell.value = value.date;
    cell.numFmt = value.time ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
  } else {
    // A percent is stored as the fraction it is, shown with its sign: a spreadsheet then computes with it.
    cell.value = value.percent / 100;
    cell.numFmt = '0.0%';
  }
}

/** The report's tables as an XLSX workbook: one sheet per table, numbers as numbers, dates as dates. */
export async function renderReportXlsx(data: ReportData): Promise<Buffer> {
  const t = reportStrings(data.locale);
  const book = new ExcelJS.Workbook();
  book.creator = 'Ruche';
  book.created = new Date(data.generatedAt);
  book.title = data.title;
  const used = new Set<string>();
  for (const table of reportTables(data, t)) {
    const sheet = book.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) {
      const r = sheet.addRow([]);
      row.forEach((v, i) => write(r.getCell(i + 1), v));
    }
    sheet.columns.forEach((col, i) => {
      const header = table.columns[i] ?? '';
      col.width = Math.min(60, Math.max(12, header.length + 2, i === table.columns.indexOf(t.sheets.text) ? 60 : 0));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
