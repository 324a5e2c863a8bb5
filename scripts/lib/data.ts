import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashString } from '../../src/analysis/text/hash.js';
import { parseCsvObjects } from './csv.js';

export interface Example {
  text: string;
  label: number;
}

export function dataDir(): string {
  return process.env.RUCHE_DATA_DIR ?? path.resolve(process.cwd(), '../shared/data');
}

function read(rel: string): string {
  return readFileSync(path.join(dataDir(), rel), 'utf8');
}

// Some UMSAB tweets keep JSON-style escapes ("\u2019", "\u002c") as literal text.
function unescapeTweet(s: string): string {
  return s
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/^"(.*)"$/s, '$1')
    .replace(/""/g, '"')
    .trim();
}

/** Paired `*_text.txt` / `*_labels.txt` files (UMSAB and TweetEval layout). */
export function loadLines(dir: string, split: 'train' | 'val'): Example[] {
  const texts = read(`${dir}/${split}_text.txt`).split('\n');
  const labels = read(`${dir}/${split}_labels.txt`).split('\n');
  const out: Example[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i].trim() === '') continue;
    out.push({ text: unescapeTweet(texts[i] ?? ''), label: Number(labels[i]) });
  }
  return out;
}

/** `text,label` CSV files of the hate folders; rows without a label are dropped. */
export function loadTextLabelCsv(rel: string): Example[] {
  return parseCsvObjects(read(rel))
    .filter((r) => r.label === '0' || r.label === '1')
    .map((r) => ({ text: r.text, label: Number(r.label) }));
}

export function loadReviewsFr(split: 'train' | 'dev'): Example[] {
  return read(`sentiment/reviews-fr/${split}.tsv`)
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [label, text] = l.split('\t');
      return { text, label: Number(label) };
    });
}

/** Davidson: 0 hate, 1 offensive, 2 neither. */
export function loadDavidson(): Example[] {
  return parseCsvObjects(read('offensive/davidson-en/labeled_data.csv')).map((r) => ({ text: r.tweet, label: Number(r.class) }));
}

/**
 * Sets published without a dev split (DynaHate, ToxiFrench, the translated Jigsaw comments, iSarcasmEval): a fixed
 * share of texts, chosen by a hash of the text, is held out for `npm run eval` and never trained on.
 */
export function splitByHash(examples: Example[], split: 'train' | 'heldout', share = 10): Example[] {
  return examples.filter((e) => (hashString(e.text) % share === 0) === (split === 'heldout'));
}

/** English tweets of SemEval 2013–2016 (`text,label`, 0 negative, 1 neutral, 2 positive). */
export function loadSemeval(): Example[] {
  return parseCsvObjects(read('sentiment/semeval2013-2016-en/train.csv'))
    .filter((r) => r.label === '0' || r.label === '1' || r.label === '2')
    .map((r) => ({ text: r.text, label: Number(r.label) }));
}

/** `text,label` sets without a dev split, each cut once by text hash (see `splitByHash`). */
export function loadHeldOutCsv(rel: string, split: 'train' | 'heldout'): Example[] {
  return splitByHash(loadTextLabelCsv(rel), split);
}

export interface ComplaintExample extends Example {
  id: string;
  domain: string;
}

/**
 * The complaints set has no dev split: a fixed 20 % of ids (by FNV hash) is held out for evaluation, the same
 * on every run and machine.
 */
export function loadComplaints(split: 'train' | 'heldout'): ComplaintExample[] {
  return parseCsvObjects(read('complaints/complaints-en/train.csv'))
    .map((r) => ({ id: r.id, text: r.text, label: Number(r.complaint), domain: r.domain }))
    .filter((r) => (hashString(r.id) % 5 === 0) === (split === 'heldout'));
}

export interface FeelEntry {
  word: string;
  polarity: 1 | -1;
}

export function loadFeel(): FeelEntry[] {
  return parseCsvObjects(read('lexicon/feel-fr/FEEL.csv')).map((r) => ({
    word: r.word,
    polarity: r.polarity === 'positive' ? 1 : -1,
  }));
}
