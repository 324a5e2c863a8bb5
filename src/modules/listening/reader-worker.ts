import { parentPort } from 'node:worker_threads';
import { analyzeWith, type Analysis, type ModelSet } from '../../analysis/index.js';
import { ModelBank } from '../../analysis/model/bank.js';
import { loadFastText } from '../../analysis/language/fasttext.js';
import { compileTopics, type TopicIndex, type TopicQuery } from './query/index.js';
import { readPosts, type PostToRead, type ReadResult } from './read-posts.js';

/** What the pool sends; a thread keeps the analyzers and topic indexes it was given until told to forget them. */
export type ReaderRequest =
  | { kind: 'analyzer'; key: number; models: ModelSet }
  | { kind: 'topics'; key: number; topics: TopicQuery[] }
  | { kind: 'forget'; analyzers: number[]; topics: number[] }
  | { kind: 'read'; id: number; analyzer: number; topics: number; usesLanguage: boolean; posts: readonly PostToRead[] };

const fasttext = loadFastText();
const analyzers = new Map<number, (text: string, hint: Analysis['lang'] | undefined) => Analysis>();
const indexes = new Map<number, TopicIndex>();

async function handle(msg: ReaderRequest) {
  if (msg.kind === 'analyzer') {
    const models = msg.models;
    const bank = new ModelBank(Object.values(models));
    const ft = await fasttext;
    analyzers.set(msg.key, (text, hint) => analyzeWith(models, ft, text, { lang: hint, reasons: false }, bank));
  } else if (msg.kind === 'topics') {
    indexes.set(msg.key, compileTopics(msg.topics));
  } else if (msg.kind === 'forget') {
    for (const k of msg.analyzers) analyzers.delete(k);
    for (const k of msg.topics) indexes.delete(k);
  } else {
    await fasttext;
    const analyze = analyzers.get(msg.analyzer);
    const index = indexes.get(msg.topics);
    if (!analyze || !index) throw new Error('listening reader: analyzer or topics not sent');
    const results = readPosts(msg.posts, index, msg.usesLanguage, analyze);
    const signatures = packSignatures(results);
    parentPort!.postMessage({ id: msg.id, results }, signatures ? [signatures] : []);
  }
}

/**
 * The batch's near-duplicate signatures moved into one buffer, each result keeping a view of its own part, and the
 * buffer handed over rather than copied: the main thread then receives one buffer per batch instead of making one
 * per post, which it would allocate, track and later collect one by one.
 */
function packSignatures(results: ReadResult[]): ArrayBuffer | null {
  let length = 0;
  for (const r of results) if ('signature' in r && r.signature) length += r.signature.length;
  if (length === 0) return null;
  const all = new Uint32Array(length);
  let at = 0;
  for (const r of results) {
    if (!('signature' in r) || !r.signature) continue;
    all.set(r.signature, at);
    r.signature = all.subarray(at, at + r.signature.length);
    at += r.signature.length;
  }
  return all.buffer;
}

// Messages are handled in the order sent: an analyzer's models are in place before the batches that use them.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: ReaderRequest) => {
  queue = queue.then(() => handle(msg)).catch((err: unknown) => {
    if (msg.kind === 'read') parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    else parentPort!.postMessage({ id: -1, error: err instanceof Error ? err.message : String(err) });
  });
});
