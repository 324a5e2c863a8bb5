import type { Worker } from 'node:worker_threads';
import { startThread } from '../../shared/threads/start-thread.js';
import type { ReportData } from './report-data.js';
import { renderReportFiles, type RenderStep, type ReportFiles } from './render-files.js';
import type { RendererMessage } from './render-worker.js';

// Set by the server's bundle (scripts/build-server.mjs), where the thread's code is a file of its own.
declare const RUCHE_REPORT_RENDERER: string | undefined;

/**
 * Drawing a report's charts and PDF and writing its spreadsheets is a second or more of uninterrupted work (several
 * on a busy machine, more for an agency's report). On the thread that answers HTTP it would leave every request
 * waiting meanwhile, the report's own progress bar included, and clients' idle connections could be closed under
 * them. Each report is therefore made on a thread of its own, ended once the files are back.
 */
const HEAP_MB = 512;

let renderedOnThreads = 0;
/** Reports made on renderer threads so far in this process: what a test checks. */
export const rendererStats = () => ({ renderedOnThreads });

function startWorker(): Worker {
  const bundled = typeof RUCHE_REPORT_RENDERER === 'string' ? RUCHE_REPORT_RENDERER : undefined;
  return startThread(bundled, new URL('./render-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The report's files, made on a renderer thread. A thread that cannot start (or ends before it began) leaves the
 * work to this thread, as before, after `onFallback`; a report that fails on the thread fails with its reason.
 * An aborted job ends the thread.
 */
export function renderOffThread(
  data: ReportData, onStep: (step: RenderStep) => Promise<void>, signal?: AbortSignal, onFallback?: (err: unknown) => void,
): Promise<ReportFiles> {
  const inline = (err: unknown) => {
    onFallback?.(err);
    return renderReportFiles(data, onStep);
  };
  let worker: Worker;
  try {
    worker = startWorker();
  } catch (err) {
    return inline(err);
  }
  return new Promise<ReportFiles>((resolve, reject) => {
    let begun = false;
    let done = false;
    // Steps are told in order, each once the one before is written.
    let steps = Promise.resolve();
    const finish = (then: () => void) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      then();
    };
    const onAbort = () => finish(() => reject(signal?.reason instanceof Error ? signal.reason : new Error('The report was stopped.')));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: RendererMessage) => {
      begun = true;
      if (msg.kind === 'step') {
        steps = steps.then(() => onStep(msg.step));
      } else if (msg.kind === 'files') {
        const files: ReportFiles = { pdf: { bytes: asBuffer(msg.pdf), pages: msg.pages }, xlsx: asBuffer(msg.xlsx), csv: asBuffer(msg.csv) };
        finish(() => steps.then(() => {
          renderedOnThreads++;
          resolve(files);
        }, reject));
      } else {
        finish(() => reject(new Error(msg.message)));
      }
    });
    const failed = (err: Error) => finish(() => (begun ? reject(err) : inline(err).then(resolve, reject)));
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`The report renderer ended early (${code}).`)));
    if (signal?.aborted) return onAbort();
    worker.postMessage(data);
  });
}
