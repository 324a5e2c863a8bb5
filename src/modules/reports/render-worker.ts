import { parentPort } from 'node:worker_threads';
import type { ReportData } from './report-data.js';
import { renderReportFiles } from './render-files.js';

/** What the renderer thread answers: each step as it starts, then the files or the reason there are none. */
export type RendererMessage =
  | { kind: 'step'; step: 'charts' | 'pdf' | 'spreadsheets' }
  | { kind: 'files'; pdf: Uint8Array; pages: number; xlsx: Uint8Array; csv: Uint8Array }
  | { kind: 'error'; message: string };

// One report per thread: the thread is made for it and ended after it.
parentPort!.once('message', (data: ReportData) => {
  const send = (msg: RendererMessage) => parentPort!.postMessage(msg);
  renderReportFiles(data, async (step) => send({ kind: 'step', step }))
    .then((files) => send({ kind: 'files', pdf: files.pdf.bytes, pages: files.pdf.pages, xlsx: files.xlsx, csv: files.csv }))
    .catch((err: unknown) => send({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
});
