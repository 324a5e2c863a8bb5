import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analyzer } from '../../analysis/index.js';
import type { CompiledTopics } from './topic-index.js';
import { readPosts, type PostToRead, type ReadResult } from './read-posts.js';
import type { ReaderRequest } from './reader-worker.js';

// Set by the server's bundle (scripts/build-server.mjs), where the thread's code is a file of its own.
declare const RUCHE_LISTENING_READER: string | undefined;

/**
 * Below this many posts a batch is read on the calling thread: handing it over would cost more than it saves.
 * A stream's batches (hundreds of posts) go to the reader threads.
 */
export const THREAD_MIN_POSTS = 64;
/** A thread idle this long ends; the next large batch starts one again (models load in a few hundred ms). */
const IDLE_MS = 60_000;
/**
 * What a thread keeps: analyzers (a few MB of models each; the shipped one serves every workspace that did not
 * retrain) and topic sets (small). The least recently used go first.
 */
const ANALYZERS_KEPT = 20;
const TOPIC_SETS_KEPT = 200;
/** A batch takes well under a second to read: a thread that has not answered in this long is taken as stuck. */
const READ_TIMEOUT_MS = 120_000;
/** After a thread failed, batches are read here for this long before threads are tried again. */
const RETRY_MS = 60_000;

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (r: ReadResult[]) => void; reject: (e: Error) => void }>;
  analyzers: Map<number, true>;
  topics: Map<number, true>;
  idle: NodeJS.Timeout | null;
  stopped: boolean;
  fail: (err: Error) => void;
}

const keys = new WeakMap<object, number>();
let nextKey = 1;
const keyOf = (o: object) => keys.get(o) ?? (keys.set(o, nextKey++), nextKey - 1);

const threads: Thread[] = [];
let nextRead = 1;
let failedAt = -Infinity;
let readOnThreads = 0;

/** Batches read on reader threads so far in this process, and the threads running: what a test checks. */
export const readerStats = () => ({ readOnThreads, threads: threads.length });

/** Threads beside the main one: the main thread stores, the others read, so that a worker process uses every core. */
const threadCount = () => Math.max(1, Math.min(4, os.availableParallelism() - 1));

function workerFile(): { file: URL; viaTsx: boolean } {
  if (typeof RUCHE_LISTENING_READER === 'string') return { file: pathToFileURL(RUCHE_LISTENING_READER), viaTsx: false };
  const file = new URL('./reader-worker.ts', import.meta.url);
  return { file, viaTsx: file.pathname.endsWith('.ts') };
}

function start(): Thread {
  const { file, viaTsx } = workerFile();
  // From the sources (development, tests) the thread compiles TypeScript as the process does, with tsx.
  const worker = viaTsx
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`, { eval: true })
    : new Worker(file);
  worker.unref();
  const thread: Thread = { worker, pending: new Map(), analyzers: new Map(), topics: new Map(), idle: null, stopped: false, fail: () => {} };
  const fail = (err: Error) => {
    if (thread.stopped && thread.pending.size === 0) return;
    failedAt = Date.now();
    stop(thread);
    for (const p of thread.pending.values()) p.reject(err);
    thread.pending.clear();
  };
  thread.fail = fail;
  worker.on('message', (msg: { id: number; results?: ReadResult[]; error?: string }) => {
    if (msg.id === -1) return fail(new Error(`listening reader: ${msg.error}`));
    const p = thread.pending.get(msg.id);
    thread.pending.delete(msg.id);
    if (msg.results) p?.resolve(msg.results);
    else p?.reject(new Error(`listening reader: ${msg.error}`));
    if (thread.pending.size === 0) {
      // An idle thread does not keep the process alive; one with batches under way does, as the work it does would.
      worker.unref();
      idleLater(thread);
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`listening reader ended (${code})`)));
  return thread;
}

function stop(thread: Thread) {
  thread.stopped = true;
  const at = threads.indexOf(thread);
  if (at >= 0) threads.splice(at, 1);
  if (thread.idle) clearTimeout(thread.idle);
  void thread.worker.terminate();
}

function idleLater(thread: Thread) {
  if (thread.idle) clearTimeout(thread.idle);
  thread.idle = setTimeout(() => thread.pending.size === 0 && stop(thread), IDLE_MS);
  thread.idle.unref();
}

/** Marks `key` as used by the thread, sending `send()` first when the thread does not have it; forgets the oldest. */
function ensure(thread: Thread, kept: Map<number, true>, limit: number, key: number, send: () => ReaderRequest, forget: (k: number) => ReaderRequest) {
  if (kept.has(key)) {
    kept.delete(key);
    kept.set(key, true);
    return;
  }
  thread.worker.postMessage(send());
  kept.set(key, true);
  if (kept.size > limit) {
    const oldest = kept.keys().next().value!;
    kept.delete(oldest);
    thread.worker.postMessage(forget(oldest));
  }
}

function pick(): Thread {
  if (threads.length < threadCount()) {
    const t = start();
    threads.push(t);
    return t;
  }
  return threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

/**
 * Reads a batch (matching, analysis, near-duplicate signatures) on a reader thread, or here for a small batch or
 * when threads cannot be had; the results are the same either way.
 */
export async function readBatch(
  posts: readonly PostToRead[], topics: CompiledTopics, analyzer: Analyzer, onFallback?: (err: unknown) => void,
): Promise<ReadResult[]> {
  const inline = () => readPosts(posts, topics.index, topics.usesLanguage, (text, hint) => analyzer.analyze(text, { lang: hint }));
  if (posts.length < THREAD_MIN_POSTS || Date.now() - failedAt < RETRY_MS) return inline();
  let thread: Thread;
  let answer: Promise<ReadResult[]>;
  try {
    thread = pick();
    if (thread.idle) clearTimeout(thread.idle);
    const analyzerKey = keyOf(analyzer);
    const topicsKey = keyOf(topics);
    ensure(thread, thread.analyzers, ANALYZERS_KEPT, analyzerKey, () => ({ kind: 'analyzer', key: analyzerKey, models: analyzer.models }), (k) => ({ kind: 'forget', analyzers: [k], topics: [] }));
    ensure(thread, thread.topics, TOPIC_SETS_KEPT, topicsKey, () => ({ kind: 'topics', key: topicsKey, topics: topics.topics }), (k) => ({ kind: 'forget', analyzers: [], topics: [k] }));
    const id = nextRead++;
    thread.worker.postMessage({ kind: 'read', id, analyzer: analyzerKey, topics: topicsKey, usesLanguage: topics.usesLanguage, posts } satisfies ReaderRequest);
    answer = new Promise<ReadResult[]>((resolve, reject) => thread.pending.set(id, { resolve, reject }));
    thread.worker.ref();
  } catch (err) {
    // Threads could not be had, or the batch could not be handed over: it is read here, and so are the next ones for a while.
    failedAt = Date.now();
    onFallback?.(err);
    return inline();
  }
  const stuck = setTimeout(() => thread.fail(new Error('listening reader did not answer')), READ_TIMEOUT_MS);
  stuck.unref();
  try {
    const results = await answer;
    readOnThreads++;
    return results;
  } catch (err) {
    // The thread failed (it is gone, and threads rest for a while): this batch is read here.
    onFallback?.(err);
    return inline();
  } finally {
    clearTimeout(stuck);
  }
}
