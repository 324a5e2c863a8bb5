import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MatchInput, TopicQuery } from '../../src/modules/listening/query/index.js';

/**
 * The listening benchmarks' corpus: topics of the kinds community managers write (brands with their handles and
 * hashtags, products as phrases and wildcards, competitors NEAR complaint words, exclusions, language and author
 * filters) and posts from the dev tweets of ../shared/data when present (else built-in samples), some of them with a
 * brand or product of the topics written in. Seeded: every run measures the same topics and posts.
 */
export const SAMPLES = [
  "Mon colis n'est toujours pas arrivé, ça fait 3 semaines @laposte #colère",
  'Honestly the new update is great, battery lasts all day now 👍',
  "L'énergie solaire progresse en France, bonne nouvelle pour le climat #ecologie",
  '@united lost my bag again and nobody answers the phone, worst airline ever',
  'Réunion de quartier ce soir à 19h, venez nombreux !',
  'Just finished a 10k run in the rain, legs are dead but happy',
];

export function loadTexts(): string[] {
  const dir = process.env.RUCHE_DATA_DIR ?? path.resolve(process.cwd(), '../shared/data');
  try {
    const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return ['fr', 'en'].flatMap((l) => [...read(`sentiment/tweets-${l}/train_text.txt`), ...read(`sentiment/tweets-${l}/val_text.txt`)]);
  } catch {
    return SAMPLES;
  }
}

/** A small seeded generator. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ru', 'che', 'no', 'va', 'lu', 'mi', 'ver', 'dal', 'ko', 'zen', 'tri', 'bo', 'sa', 'fé', 'lo', 'ra', 'qui', 'mé', 'tex', 'pol'];
const PRODUCTS = ['pro', 'max', 'lite', 'zéro', 'bio', 'plus', 'one', 'air', 'go', 'mini'];
const COMPLAINTS = '(panne OR cassé OR "service client" OR remboursement OR arnaque OR broken OR refund OR scam)';

export function names(rand: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = 2 + Math.floor(rand() * 2);
    out.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  }
  return [...out];
}

export function buildTopics(brands: string[], rand: () => number, count: number): TopicQuery[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return brands.slice(0, count).map((brand, i) => {
    const product = pick(PRODUCTS);
    const rival = brands[(i + 1) % brands.length]!;
    const kinds = [
      `(${brand} OR "${brand} ${product}" OR @${brand} OR #${brand}) -author:${brand}`,
      `("${brand} ${product}" OR ${brand}${product}* OR #${brand}${product}) lang:fr`,
      `(${brand} OR ${rival}) NEAR/5 ${COMPLAINTS}`,
      `${brand} -promo -concours -"jeu concours" -#ad`,
      `#${brand}day OR #${brand}${2024 + (i % 3)} OR (${brand} "${pick(SYLLABLES)}${pick(SYLLABLES)} ${product}")`,
    ];
    return { id: `topic-${i}`, query: kinds[i % kinds.length]! };
  });
}

export function buildPosts(texts: string[], brands: string[], rand: () => number, count: number, brandShare = 0.1): MatchInput[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const langs = ['fr', 'en', 'fr-CA', 'es', null];
  const scale = brandShare / 0.1;
  return Array.from({ length: count }, (_, i) => {
    let text = texts[i % texts.length]!;
    const hashtags: string[] = [];
    const r = rand();
    if (r < 0.04 * scale) text = `${text} ${pick(brands)} ${pick(PRODUCTS)}`;
    else if (r < 0.07 * scale) text = `Le ${pick(brands)} est en panne, le service client ne répond pas. ${text}`;
    else if (r < 0.1 * scale) hashtags.push(`${pick(brands)}day`);
    return { text, lang: pick(langs), authorHandle: `user${i % 5000}`, url: i % 7 === 0 ? `https://blog${i % 13}.example.fr/p/${i}` : null, hashtags };
  });
}

