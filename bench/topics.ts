import os from 'node:os';
import { compileTopics } from '../src/modules/listening/query/index.js';
import { buildPosts, buildTopics, loadTexts, names, random } from './lib/listening-corpus.js';

// Matching posts against a workspace's listening topics: 500 topics against 100,000 posts, on one core (the corpus:
// bench/lib/listening-corpus.ts), a tenth of the posts with a brand or product of the topics written in.
const POSTS = 100_000;
const TOPICS = 500;

export default async function bench(): Promise<Record<string, unknown>> {
  const rand = random(11);
  const brands = names(rand, TOPICS + 1);
  const topics = buildTopics(brands, rand, TOPICS);
  const posts = buildPosts(loadTexts(), brands, rand, POSTS);

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
