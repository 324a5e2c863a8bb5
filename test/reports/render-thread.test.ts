import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { renderReportFiles } from '../../src/modules/reports/render-files.js';
import { rendererStats, renderOffThread } from '../../src/modules/reports/render-thread.js';
import type { RendererMessage } from '../../src/modules/reports/render-worker.js';
import type { ReportData } from '../../src/modules/reports/report-data.js';
import { reportData } from './fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function pdfText(bytes: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

async function sheets(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((s) => ({ name: s.name, rows: s.getSheetValues().map((r) => JSON.stringify(r)) }));
}

// Reports are drawn on a thread of their own so that the server keeps answering meanwhile (render-thread.ts).
describe('a report made on a renderer thread', () => {
  it('has the same files as one made on the main thread, and its steps told in order', async () => {
    const data = reportData('fr');
    const before = rendererStats().renderedOnThreads;
    const steps: string[] = [];
    let fellBack: unknown = null;
    const onThread = await renderOffThread(data, async (s) => void steps.push(s), undefined, (err) => (fellBack = err));
    expect(fellBack).toBeNull();
    expect(rendererStats().renderedOnThreads).toBe(before + 1);
    expect(steps).toEqual(['charts', 'pdf', 'spreadsheets']);

    const here = await renderReportFiles(data, async () => {});
    expect(onThread.pdf.pages).toBe(here.pdf.pages);
    expect(onThread.pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(onThread.pdf.bytes)).toEqual(await pdfText(here.pdf.bytes));
    expect(onThread.csv.equals(here.csv)).toBe(true);
    expect(await sheets(onThread.xlsx)).toEqual(await sheets(here.xlsx));
  }, 120_000);

  it('fails with the reason the thread gave when the report cannot be drawn', async () => {
    const broken = { ...reportData('en'), workspaces: [{ ...reportData('en').workspaces[0]!, dashboard: null }] } as unknown as ReportData;
    let fellBack = false;
    await expect(renderOffThread(broken, async () => {}, undefined, () => (fellBack = true))).rejects.toThrow(/null|undefined/);
    expect(fellBack).toBe(false);
  }, 120_000);

  it('ends the thread when the job is stopped', async () => {
    const stop = new AbortController();
    const made = renderOffThread(reportData('en'), async (s) => {
      if (s === 'charts') stop.abort(new Error('the job timed out'));
    }, stop.signal);
    await expect(made).rejects.toThrow('the job timed out');
  }, 120_000);

  it('runs from the server bundle as a file of its own', async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const worker = new Worker(path.join(root, 'dist/server/report-renderer.mjs'));
    const messages: RendererMessage[] = [];
    const last = await new Promise<RendererMessage>((resolve, reject) => {
      worker.on('message', (m: RendererMessage) => {
        messages.push(m);
        if (m.kind !== 'step') resolve(m);
      });
      worker.on('error', reject);
      worker.postMessage(reportData('en'));
    });
    await worker.terminate();
    expect(messages.filter((m) => m.kind === 'step').map((m) => (m as { step: string }).step)).toEqual(['charts', 'pdf', 'spreadsheets']);
    expect(last.kind).toBe('files');
    if (last.kind === 'files') {
      expect(last.pages).toBe(7);
      expect((await pdfText(Buffer.from(last.pdf))).join('\n')).toContain('March review');
    }
  }, 120_000);
});
