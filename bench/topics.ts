import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileTopics, type MatchInput, type TopicQuery } from '../src/modules/listening/query/index.js';

// Matching posts against a workspace's listening topics: 500 topics of the kinds community managers write (brands
// with their handles and hashtags, products as phrases and wildcards, competitors NEAR complaint words, exclusions,
// language and author filters) against 100,000 posts, on one core. Posts are the dev tweets from ../shared/data
// when present (else built-in samples), a tenth of them with a brand or product of the topics written in.
const POSTS = 100_000;
const TOPICS = 500;

const SAMPLES = [
  "Mon colis n'est toujours pas arrivé, ça fait 3 semaines @laposte #colère",
  'Honestly the new update is great, battery lasts all day now 👍',
  "L'énergie solaire progresse en France, bonne nouvelle pour le climat #ecologie",
  '@united lost my bag again and nobody answers the phone, worst airline ever',
  'Réunion de quartier ce soir à 19h, venez nombreux !',
  'Just finished a 10k run in the rain, legs are dead but happy',
];

function loadTexts(): string[] {
  const dir = process.env.RUCHE_DATA_DIR ?? path.resolve(process.cwd(), '../shared/data');
  try {
    const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return ['fr', 'en'].flatMap((l) => [...read(`sentiment/tweets-${l}/train_text.txt`), ...read(`sentiment/tweets-${l}/val_text.txt`)]);
  } catch {
    return SAMPLES;
  }
}

/** A small seeded generator, so every run measures the same topics and posts. */
function random(seed: number): () => number {
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

function names(rand: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = 2 + Math.floor(rand() * 2);
    out.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  }
  return [...out];
}

function buildTopics(brands: string[], rand: () => number): TopicQuery[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return brands.slice(0, TOPICS).map((brand, i) => {
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

function buildPosts(texts: string[], brands: string[], rand: () => number): MatchInput[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const langs = ['fr', 'en', 'fr-CA', 'es', null];
  return Array.from({ length: POSTS }, (_, i) => {
    let text = texts[i % texts.length]!;
    const hashtags: string[] = [];
    const r = rand();
    if (r < 0.04) text = `${text} ${pick(brands)} ${pick(PRODUCTS)}`;
    else if (r < 0.07) text = `Le ${pick(brands)} est en panne, le service client ne répond pas. ${text}`;
    else if (r < 0.1) hashtags.push(`${pick(brands)}day`);
    return { text, lang: pick(langs), authorHandle: `user${i % 5000}`, url: i % 7 === 0 ? `https://blog${i % 13}.example.fr/p/${i}` : null, hashtags };
  });
}

export default async function bench(): Promise<Record<string, unknown>> {
  const rand = random(11);
  const brands = names(rand, TOPICS + 1);
  const topics = buildTopics(brands, rand);
  const posts = buildPosts(loadTexts(), brands, rand);

  const t0 = performance.now();
  const index = compileTopics(topics);
  const compileMs = performance.now() - t0;
  if (index.invalid.length > 0) throw new Error(`invalid bench topics: ${index.invalid.map((i) => `${i.id}: ${i.error.message}`).join('; ')}`);

  for (let i = 0; i < 10_000; i++) index.match(posts[i]!);
  const before = index.stats();
  let matches = 0;
  let matchedPosts = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const post of posts) {
    const found = index.match(post).length;
    matches += found;
    if (found > 0) matchedPosts++;
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const after = index.stats();

  const figures = {
    topics: index.size,
    anchorTerms: after.anchorTerms,
    posts: POSTS,
    meanChars: Math.round(posts.reduce((a, p) => a + p.text.length, 0) / POSTS),
    compileMs: Math.round(compileMs * 10) / 10,
    postsPerSecond: Math.round(POSTS / (wallMs / 1000)),
    postsPerCpuSecond: Math.round(POSTS / ((cpu.user + cpu.system) / 1e6)),
    microsecondsPerPost: Math.round((wallMs * 1000 / POSTS) * 100) / 100,
    treesEvaluatedPerPost: Math.round(((after.treesEvaluated - before.treesEvaluated) / POSTS) * 1000) / 1000,
    postsMatched: matchedPosts,
    matchesPerPost: Math.round((matches / POSTS) * 1000) / 1000,
    loadAverage: os.loadavg()[0],
  };
  console.log(
    `topics: ${figures.postsPerSecond} posts/s (${figures.microsecondsPerPost} µs per post, ${figures.postsPerCpuSecond} per CPU-second) ` +
      `against ${figures.topics} topics on ${figures.anchorTerms} anchor terms; ${figures.treesEvaluatedPerPost} trees evaluated per post; ` +
      `${figures.postsMatched} of ${POSTS} posts matched; compiled in ${figures.compileMs} ms; load average ${figures.loadAverage.toFixed(1)}`,
  );
  return figures;
}
