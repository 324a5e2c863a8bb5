import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Context } from 'hono';
import { BROTLI, COMPRESS_MIN_BYTES, pickEncoding, varyOnEncoding, type Encoding } from './compress.js';
import { JsonText } from './json-text.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A JSON answer kept for as long as the data it was made from: its text, and its compressed forms once asked. */
export interface MemoAnswer {
  readonly json: string;
  /**
   * The body for a client taking `encoding` (null: the plain text), as UTF-8 bytes made once: a page of the inbox
   * written as a string is encoded again for every request. Compressed forms are made once and kept beside it.
   */
  body(encoding: Encoding | null): Promise<{ body: Buffer; encoding: Encoding | null }>;
}

interface Entry {
  stamp: string;
  answer: Promise<MemoAnswer>;
  bytes: number;
}

/**
 * Answers to the same question asked again while the data has not changed, given from memory. Many members
 * triaging one inbox reload the same pages after every change they see, and each reload otherwise reads, formats
 * and compresses the page again. An entry holds while its data stamp (src/store/data-stamp.ts) is the current
 * one, so an answer is never older than the data; requests arriving while an answer is made wait for it rather
 * than making it again. Bounded in bytes, least recently used first out.
 */
export class AnswerMemo {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  answer(key: string, stamp: string, make: () => Promise<unknown>): Promise<MemoAnswer> {
    if (!this.enabled) return make().then(plainAnswer);
    const known = this.entries.get(key);
    if (known && known.stamp === stamp) {
      // Most recently used goes last, so that the first in the map is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.answer;
    }
    this.drop(key);
    const entry: Entry = { stamp, answer: make().then(memoAnswer), bytes: 0 };
    this.entries.set(key, entry);
    entry.answer.then(
      (a) => {
        if (this.entries.get(key) !== entry) return;
        // The text and its UTF-8 bytes; compressed forms are a fraction of it.
        entry.bytes = a.json.length * 3;
        this.bytes += entry.bytes;
        this.trim();
      },
      // A failed answer is not kept: the next request tries again.
      () => this.entries.get(key) === entry && this.drop(key),
    );
    return entry.answer;
  }

  private drop(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }

  private trim() {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      this.drop(key);
    }
  }
}

const jsonOf = (value: unknown): string => (value instanceof JsonText ? value.text : JSON.stringify(value));

function plainAnswer(value: unknown): MemoAnswer {
  const json = jsonOf(value);
  return { json, body: async () => ({ body: Buffer.from(json), encoding: null }) };
}

function memoAnswer(value: unknown): MemoAnswer {
  const json = jsonOf(value);
  const utf8 = Buffer.from(json);
  const compressed = new Map<Encoding, Promise<Buffer>>();
  return {
    json,
    async body(encoding) {
      if (!encoding || utf8.length < COMPRESS_MIN_BYTES) return { body: utf8, encoding: null };
      let made = compressed.get(encoding);
      if (!made) {
        made = encoding === 'br' ? brotli(utf8, BROTLI) : gzip(utf8);
        compressed.set(encoding, made);
      }
      return { body: await made, encoding };
    },
  };
}

const memos = new WeakMap<object, AnswerMemo>();

/** The memo of one database's answers (answers of two databases never meet, whatever their keys). */
export function answerMemo(store: object, maxBytes: number): AnswerMemo {
  let memo = memos.get(store);
  if (!memo) memos.set(store, (memo = new AnswerMemo(maxBytes)));
  return memo;
}

/** A remembered answer as the client takes it: compressed when it asks so, the same way compressJson would. */
export async function sendAnswer(c: Context, answer: MemoAnswer): Promise<Response> {
  const { body, encoding } = await answer.body(pickEncoding(c.req.header('Accept-Encoding')));
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (encoding) headers.set('Content-Encoding', encoding);
  if (answer.json.length >= COMPRESS_MIN_BYTES) varyOnEncoding(headers);
  return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), 200, Object.fromEntries(headers));
}
