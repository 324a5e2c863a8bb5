import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dashboard } from './types.js';
import type { FiguresJob, FiguresRequest } from './figure-worker.js';

// Set by the server's bundle (scripts/build-server.mjs), where the thread's code is a file of its own.
declare const RUCHE_ANALYTICS_READER: string | undefined;

/**
 * On SQLite every query runs on the thread that makes it: a dashboard computed afresh (a few to tens of ms of
 * queries and sums) would hold the thread that answers HTTP, and every other request waits meanwhile, on one core.
 * Its figures are made on reader threads instead, each with its own connection to the file, so that dashboards are
 * read on every core while the main thread answers. The figures are the same either way.
 */
const IDLE_MS = 60_000;
/** A dashboard takes well under a second: a thread that has not answered in this long is taken as stuck. */
const TIMEOUT_MS = 60_000;
/** After a thread failed, dashboards are computed on the calling thread for this long before threads are tried again. */
const RETRY_MS = 60_000;

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (d: Dashboard) => void; reject: (e: Error) => void }>;
  idle: NodeJS.Timeout | null;
  stopped: boolean;
  fail: (err: Error) => void;
}

const threads: Thread[] = [];
let nextId = 1;
let failedAt = -Infinity;
let onThreads = 0;

/** Dashboards computed on reader threads so far in this process, and the threads running: what a test checks. */
export const figureThreadStats = () => ({ onThreads, threads: threads.length });

/** As many threads as cores: the main thread's own share of a request (HTTP, session, the cache) is small. */
const threadCount = () => Math.max(1, Math.min(4, os.availableParallelism()));

function start(): Thread {
  let worker: Worker;
  if (typeof RUCHE_ANALYTICS_READER === 'string') worker = new Worker(pathToFileURL(RUCHE_ANALYTICS_READER));
  else {
    const file = new URL('./figure-worker.ts', import.meta.url);
    // From the sources (development, tests) the thread compiles TypeScript as the process does, with tsx.
    worker = file.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`, { eval: true })
      : new Worker(file);
  }
  worker.unref();
  const thread: Thread = { worker, pending: new Map(), idle: null, stopped: false, fail: () => {} };
  thread.fail = (err: Error) => {
    if (thread.stopped && thread.pending.size === 0) return;
    failedAt = Date.now();
    stop(thread);
    for (const p of thread.pending.values()) p.reject(err);
    thread.pending.clear();
  };
  worker.on('message', (msg: { id: number; dashboard?: Dashboard; error?: string }) => {
    const p = thread.pending.get(msg.id);
    thread.pending.delete(msg.id);
    if (msg.dashboard) p?.resolve(msg.dashboard);
    else p?.reject(new Error(`analytics reader: ${msg.error}`));
    if (thread.pending.size === 0) {
      // An idle thread does not keep the process alive; one with dashboards under way does.
      worker.unref();
      if (thread.idle) clearTimeout(thread.idle);
      thread.idle = setTimeout(() => thread.pending.size === 0 && stop(thread), IDLE_MS);
      thread.idle.unref();
    }
  });
  worker.on('error', thread.fail);
  worker.on('exit', (code) => thread.fail(new Error(`analytics reader ended (${code})`)));
  return thread;
}

function stop(thread: Thread) {
  thread.stopped = true;
  const at = threads.indexOf(thread);
  if (at >= 0) threads.splice(at, 1);
  if (thread.idle) clearTimeout(thread.idle);
  void thread.worker.terminate();
}

/** A new thread while there are fewer than cores and every one is busy, otherwise the least busy. */
function pick(): Thread {
  const least = threads.reduce<Thread | null>((a, b) => (a === null || b.pending.size < a.pending.size ? b : a), null);
  if (least && (least.pending.size === 0 || threads.length >= threadCount())) return least;
  const t = start();
  threads.push(t);
  return t;
}

/**
 * A dashboard's figures computed on a reader thread, or by `inline` when threads cannot be had or one failed (a
 * failing query fails again there, with its own error).
 */
export async function figuresOnThread(job: FiguresJob, inline: () => Promise<Dashboard>): Promise<Dashboard> {
  if (Date.now() - failedAt < RETRY_MS) return inline();
  let thread: Thread;
  let answer: Promise<Dashboard>;
  try {
    thread = pick();
    if (thread.idle) clearTimeout(thread.idle);
    const id = nextId++;
    answer = new Promise<Dashboard>((resolve, reject) => thread.pending.set(id, { resolve, reject }));
    thread.worker.postMessage({ id, job } satisfies FiguresRequest);
    thread.worker.ref();
  } catch {
    failedAt = Date.now();
    return inline();
  }
  const stuck = setTimeout(() => thread.fail(new Error('analytics reader did not answer')), TIMEOUT_MS);
  stuck.unref();
  try {
    const d = await answer;
    onThreads++;
    return d;
  } catch {
    return inline();
  } finally {
    clearTimeout(stuck);
  }
}
