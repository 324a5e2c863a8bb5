import type { ReportData } from './report-data.js';
import type { RenderedPdf } from './pdf/render.js';
import { renderReportCsv } from './csv.js';

/** The steps of making the files, as the report's progress tells them. */
export type RenderStep = 'charts' | 'pdf' | 'spreadsheets';

export interface ReportFiles {
  pdf: RenderedPdf;
  xlsx: Buffer;
  csv: Buffer;
}

/** The report's three files from its gathered figures: the PDF (charts first), then the XLSX and the CSV. */
export async function renderReportFiles(data: ReportData, onStep: (step: RenderStep) => Promise<void>): Promise<ReportFiles> {
  // The PDF and XLSX makers (pdfkit, Vega, ExcelJS) are loaded by the first report, not with the server.
  const [{ renderReportPdf }, { renderReportXlsx }] = await Promise.all([import('./pdf/render.js'), import('./xlsx.js')]);
  const pdf = await renderReportPdf(data, onStep);
  await onStep('spreadsheets');
  const xlsx = await renderReportXlsx(data);
  return { pdf, xlsx, csv: renderReportCsv(data) };
}
