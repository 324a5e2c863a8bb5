import os from 'node:os';
import type { Analyzer } from '../../analysis/index.js';
import { ReaderThreads, type PooledThread } from '../../shared/threads/reader-threads.js';
import { startThread } from '../../shared/threads/start-thread.js';
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
/**
 * What a thread keeps: analyzers (a few MB of models each; the shipped one serves every workspace that did not
 * retrain) and topic sets (small). The least recently used go first.
 */
const ANALYZERS_KEPT = 20;
const TOPIC_SETS_KEPT = 200;

/** What a reader thread posts back for a batch. */
type ReaderReply = { id: number; results?: ReadResult[]; error?: string };

/** What each thread was sent, by key, oldest use first. */
interface Sent {
  analyzers: Map<number, true>;
  topics: Map<number, true>;
}

const threads = new ReaderThreads<ReaderReply, Sent>({
  name: 'listening reader',
  start: () => startThread(typeof RUCHE_LISTENING_READER === 'string' ? RUCHE_LISTENING_READER : undefined, new URL('./reader-worker.ts', import.meta.url)),
  // Threads beside the main one: the main thread stores, the others read, so that a worker process uses every core.
  size: () => Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  newState: () => ({ analyzers: new Map(), topics: new Map() }),
  // A batch takes well under a second to read: a thread that has not answered in this long is taken as stuck.
  timeoutMs: 120_000,
});

const keys = new WeakMap<object, number>();
let nextKey = 1;
const keyOf = (o: object) => keys.get(o) ?? (keys.set(o, nextKey++), nextKey - 1);

/** Batches read on reader threads so far in this process, and the threads running: what a test checks. */
export const readerStats = () => {
  const { answered, threads: running } = threads.stats();
  return { readOnThreads: answered, threads: running };
};

/** Marks `key` as used by the thread, sending `send()` first when the thread does not have it; forgets the oldest. */
function ensure(
  thread: PooledThread<Sent>, kept: Map<number, true>, limit: number, key: number,
  send: () => ReaderRequest, forget: (k: number) => ReaderRequest,
) {
  if (kept.has(key)) {
    kept.delete(key);
    kept.set(key, true);
    return;
  }
  thread.post(send());
  kept.set(key, true);
  if (kept.size > limit) {
    const oldest = kept.keys().next().value!;
    kept.delete(oldest);
    thread.post(forget(oldest));
  }
}

/**
 * Reads a batch (matching, analysis, near-duplicate signatures) on a reader thread, or here for a small batch or
 * when threads cannot be had; the results are the same either way.
 */
export function readBatch(
  posts: readonly PostToRead[], topics: CompiledTopics, analyzer: Analyzer, onFallback?: (err: unknown) => void,
): Promise<ReadResult[]> {
  const inline = () => readPosts(posts, topics.index, topics.usesLanguage, (text, hint) => analyzer.analyze(text, { lang: hint, reasons: false }));
  if (posts.length < THREAD_MIN_POSTS) return Promise.resolve(inline());
  return threads.ask(
    (thread, id) => {
      const analyzerKey = keyOf(analyzer);
      const topicsKey = keyOf(topics);
      const { analyzers, topics: topicSets } = thread.state;
      ensure(thread, analyzers, ANALYZERS_KEPT, analyzerKey, () => ({ kind: 'analyzer', key: analyzerKey, models: analyzer.models }), (k) => ({ kind: 'forget', analyzers: [k], topics: [] }));
      ensure(thread, topicSets, TOPIC_SETS_KEPT, topicsKey, () => ({ kind: 'topics', key: topicsKey, topics: topics.topics }), (k) => ({ kind: 'forget', analyzers: [], topics: [k] }));
      thread.post({ kind: 'read', id, analyzer: analyzerKey, topics: topicsKey, usesLanguage: topics.usesLanguage, posts } satisfies ReaderRequest);
    },
    (reply) => reply.results!,
    inline, onFallback,
  );
}
