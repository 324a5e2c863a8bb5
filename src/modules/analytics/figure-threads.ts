import os from 'node:os';
import { ReaderThreads } from '../../shared/threads/reader-threads.js';
import { startThread } from '../../shared/threads/start-thread.js';
import type { Dashboard } from './types.js';
import type { FiguresJob, FiguresReply, FiguresRequest } from './figure-worker.js';
import type { CountsJob, CountsRead } from '../inbox/counts-window.js';

// Set by the server's bundle (scripts/build-server.mjs), where the thread's code is a file of its own.
declare const RUCHE_ANALYTICS_READER: string | undefined;

/**
 * On SQLite every query runs on the thread that makes it: a dashboard computed afresh (a few to tens of ms of
 * queries and sums) would hold the thread that answers HTTP, and every other request waits meanwhile, on one core.
 * Its figures are made on reader threads instead, each with its own connection to the file, so that dashboards are
 * read on every core while the main thread answers. The figures are the same either way. The inbox's counts on
 * SQLite are read by the same threads (src/modules/inbox/counts.ts).
 */
const threads = new ReaderThreads<FiguresReply>({
  name: 'analytics reader',
  start: () => startThread(typeof RUCHE_ANALYTICS_READER === 'string' ? RUCHE_ANALYTICS_READER : undefined, new URL('./figure-worker.ts', import.meta.url)),
  // As many threads as cores: the main thread's own share of a request (HTTP, session, the cache) is small.
  size: () => Math.max(1, Math.min(4, os.availableParallelism())),
  newState: () => undefined,
  // A dashboard takes well under a second: a thread that has not answered in this long is taken as stuck.
  timeoutMs: 60_000,
});

let countsAnswered = 0;

/**
 * Dashboards computed on reader threads so far in this process, inbox counts read there, and the threads running:
 * what a test checks.
 */
export const figureThreadStats = () => {
  const { answered, threads: running } = threads.stats();
  return { onThreads: answered - countsAnswered, countsOnThreads: countsAnswered, threads: running };
};

/**
 * A dashboard's figures computed on a reader thread, or by `inline` when threads cannot be had or one failed (a
 * failing query fails again there, with its own error).
 */
export function figuresOnThread(job: FiguresJob, inline: () => Promise<Dashboard>): Promise<Dashboard> {
  return threads.ask(
    (thread, id) => thread.post({ id, job } satisfies FiguresRequest),
    (reply) => reply.dashboard!,
    inline,
  );
}

/** An inbox's counts read on a reader thread from the SQLite `file`, or by `inline` as a dashboard's figures are. */
export function countsOnThread(file: string, job: CountsJob, inline: () => Promise<CountsRead>): Promise<CountsRead> {
  return threads.ask(
    (thread, id) => thread.post({ id, counts: job, file } satisfies FiguresRequest),
    (reply) => {
      countsAnswered++;
      return reply.counts!;
    },
    inline,
  );
}
