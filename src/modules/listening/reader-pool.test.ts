import { describe, expect, it } from 'vitest';
import { createAnalyzer, loadModel } from '../../analysis/index.js';
import { compileTopics } from './query/index.js';
import { readPosts, type PostToRead } from './read-posts.js';
import { readBatch, readerStats, THREAD_MIN_POSTS } from './reader-pool.js';
import { usesLanguage } from './topic-index.js';

const TOPICS = [
  { id: 'acme', query: 'acme OR #acme' },
  { id: 'acme-fr', query: 'acme lang:fr' },
  { id: 'rival', query: '"globex corp" NEAR/5 (panne OR broken OR refund)' },
];
const TEXTS = [
  'Acme coffee is lovely this morning, the barista remembered my name',
  'Le service client Acme ne répond plus depuis trois semaines, honte à vous',
  'Globex corp left my order broken and refuses a refund, never again',
  "Je n'ai rien à dire sur Acme, c'est correct",
  'Nothing to see here, just a walk in the park',
  'Acme',
  '#acme giveaway today! Follow and share to win',
];

function batch(n: number): PostToRead[] {
  return Array.from({ length: n }, (_, i) => {
    const text = `${TEXTS[i % TEXTS.length]} ${i % 5 === 0 ? '' : i}`.trim();
    const declared = [null, 'fr', 'en', 'es'][i % 4] ?? null;
    return {
      matchText: text, text, declared, hint: declared === 'fr' || declared === 'en' ? declared : undefined,
      authorHandle: `a${i % 9}.test`, url: null, hashtags: i % 7 === 6 ? ['acme'] : [], mentions: [],
      ...(i % 11 === 3 ? { knownCode: 'fr' } : {}),
    };
  });
}

const topics = () => ({ index: compileTopics(TOPICS), usesLanguage: usesLanguage(TOPICS), topics: TOPICS });

describe('reading listening batches on reader threads', () => {
  it('gives for a large batch what reading it here gives, with the workspace’s own models', async () => {
    const shipped = await createAnalyzer();
    // A workspace whose models differ from the shipped ones: English texts read by the French sentiment model.
    const retrained = await createAnalyzer({ models: { 'sentiment-en': loadModel('sentiment-fr') } });
    const posts = batch(THREAD_MIN_POSTS * 3);
    const before = readerStats().readOnThreads;
    for (const analyzer of [shipped, retrained]) {
      const t = topics();
      const here = readPosts(posts, t.index, t.usesLanguage, (text, hint) => analyzer.analyze(text, { lang: hint }));
      const there = await readBatch(posts, t, analyzer);
      expect(there).toEqual(here);
      expect(here.filter((r) => 'topicIds' in r && r.topicIds.length > 0).length).toBeGreaterThan(posts.length / 2);
      expect(here.some((r) => 'topicIds' in r && r.topicIds.includes('acme-fr'))).toBe(true);
    }
    expect(readerStats().readOnThreads).toBe(before + 2);
    const sentiments = async (analyzer: typeof shipped) =>
      (await readBatch(posts, topics(), analyzer)).map((r) => ('analysis' in r ? r.analysis?.sentiment.score : null));
    expect(await sentiments(retrained)).not.toEqual(await sentiments(shipped));
  });

  it('reads a small batch here', async () => {
    const before = readerStats().readOnThreads;
    const analyzer = await createAnalyzer();
    const posts = batch(THREAD_MIN_POSTS - 1);
    const t = topics();
    expect(await readBatch(posts, t, analyzer)).toEqual(readPosts(posts, t.index, t.usesLanguage, (text, hint) => analyzer.analyze(text, { lang: hint })));
    expect(readerStats().readOnThreads).toBe(before);
  });

  // Last: after a failure, batches are read here for a while.
  it('reads a batch here, and says so, when it cannot be handed to a thread', async () => {
    const shipped = await createAnalyzer();
    const language = { ...shipped.models.language, meta: { note: () => 'not cloneable' } };
    const odd = { ...shipped, models: { ...shipped.models, language } };
    const posts = batch(THREAD_MIN_POSTS * 2);
    const t = topics();
    const failures: unknown[] = [];
    const before = readerStats().readOnThreads;
    const read = await readBatch(posts, t, odd, (err) => failures.push(err));
    expect(read).toEqual(readPosts(posts, t.index, t.usesLanguage, (text, hint) => shipped.analyze(text, { lang: hint })));
    expect(failures).toHaveLength(1);
    expect(readerStats().readOnThreads).toBe(before);
  });
});
