import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readEnv } from '../src/config/env.js';
import { envToConfig } from '../src/config/config.js';
import { createContext, destroyContext, type AppContext } from '../src/context.js';
import type { Clock } from '../src/shared/clock.js';
import { ingestPosts, readIngest, storeIngest, type ListeningIngestResult } from '../src/modules/listening/ingest.js';
import { PostBatcher } from '../src/connectors/bluesky/network/batcher.js';
import type { ReadPosts } from '../src/connectors/bluesky/network/types.js';
import { normalizePost } from '../src/modules/listening/normalize.js';
import { newMentionId, storeMentions, termsOf, type MatchedMention } from '../src/modules/listening/mention-store.js';
import { topicIndexFor } from '../src/modules/listening/topic-index.js';
import { MentionGroups } from '../src/modules/listening/near-duplicates.js';
import { postToRead, readPosts } from '../src/modules/listening/read-posts.js';
import { readerStats } from '../src/modules/listening/reader-pool.js';
import { workspaceAnalyzer } from '../src/modules/moderation/workspace-analyzer.js';
import { evaluateRadar } from '../src/modules/listening/radar/index.js';
import { DEFAULT_RADAR_SETTINGS } from '../src/modules/listening/radar/settings.js';
import { BAD_BUZZ, countsAt, seriesUntil, spikeMentions } from '../test/listening/radar/replay.js';
import { DAY, loadCurve } from '../test/listening/radar/curve.js';
import { buildPosts, buildTopics, loadTexts, names, random } from './lib/listening-corpus.js';
import { compileTopics } from '../src/modules/listening/query/index.js';
import { listeningPosts, seedListening } from './lib/listening-seed.js';
import { databaseCpuMs } from './lib/process-cpu.js';

// Listening's ingest: posts through parse → analyse → match against 500 topics → group near-duplicates → store, in
// batches as a network stream hands them over, sustained for BENCH_INGEST_SECONDS (60 by default), on SQLite and on
// PostgreSQL, in one process as a worker runs it (batches read on its reader threads, stored on the main one); in the
// same run, the raw insert speed of the same rows (read beforehand) as the ceiling. Targets: ≥ 10,000 mentions/s on PostgreSQL and at least half of the raw speed. Then a replayed bad buzz
// through the same pipeline on a simulated clock: the time from the spike becoming statistically visible to its
// alert (target < 60 s of simulated time).
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 60);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 1000);
const TOPICS = 500;
/** Sources delivering at once (a stream and feeds, several streams): each its own batches, one after the other. */
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 2);
/**
 * Each source is a network stream's batcher: its next batch is read while one is stored (1, as streams run), or
 * read and stored in turn (0, as before streams read ahead), for comparison in the same conditions.
 */
const READ_AHEAD = process.env.BENCH_INGEST_READ_AHEAD !== '0';

/** CPU time the database's server processes have used for this context's connections so far (null on SQLite). */
type DatabaseCpu = () => Promise<number | null>;

function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

async function withContext<T>(database: 'sqlite' | 'postgres', measure: (ctx: AppContext, databaseCpu: DatabaseCpu) => Promise<T>, clock?: Clock): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-ingest-'));
  const schema = `bench_ingest_${crypto.randomBytes(4).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const ctx = await createContext(envToConfig(readEnv({
    DATA_DIR: dataDir, SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', ROLES: 'api',
    ...(database === 'postgres' ? { DATABASE_URL: withApplicationName(PG_URL, schema), DATABASE_SCHEMA: schema } : {}),
  })), clock ? { clock } : {});
  try {
    return await measure(ctx, database === 'postgres' ? () => databaseCpuMs(PG_URL, schema) : async () => null);
  } finally {
    await destroyContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (database === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

function corpus() {
  const rand = random(11);
  const brands = names(rand, TOPICS + 1);
  const topics = buildTopics(brands, rand, TOPICS);
  // Every post is a mention (it names a brand or product, or carries a topic's hashtag, as a topic's query wants):
  // the measure is of mentions, not of the posts a stream passes over (bench/topics.ts measures those).
  const index = compileTopics(topics);
  const texts = buildPosts(loadTexts(), brands, rand, 120_000, 1).filter((p) => index.match(p).length > 0);
  return { topics, texts };
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const perRow = (ms: number | null, n: number) => (ms === null || n === 0 ? null : Math.round((ms / n) * 1000) / 1000);

/** The pipeline, batch after batch, for SECONDS: how many mentions it stores per second. */
async function measurePipeline(ctx: AppContext, c: ReturnType<typeof corpus>, databaseCpu: DatabaseCpu) {
  const now = ctx.clock.now();
  const { workspaceId } = await seedListening(ctx, c.topics, now);
  const target = { workspaceId, sourceId: null };
  let offset = 0;
  // Warm-up: models loaded, topics compiled, statements prepared.
  await ingestPosts(ctx, target, listeningPosts(c.texts, BATCH, offset, now));
  offset += BATCH;
  let posts = 0;
  let stored = 0;
  let matched = 0;
  const threads0 = readerStats();
  const db0 = await databaseCpu();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const count = (r: ListeningIngestResult) => {
    posts += r.received;
    matched += r.matched;
    stored += r.stored.length;
  };
  const handler: ReadPosts = READ_AHEAD
    ? async (batch) => {
      const read = await readIngest(ctx, target, batch);
      return async () => count(await storeIngest(ctx, read));
    }
    : async (batch) => async () => count(await ingestPosts(ctx, target, batch));
  // A stream as a socket feeds it: posts pushed as they come, the socket read only while fewer than a batch wait.
  const source = async () => {
    let failure: unknown = null;
    const batcher = new PostBatcher(0, handler, { maxPosts: BATCH, maxWaitMs: 0, maxQueued: BATCH * 3, idleCursorMs: 60_000 }, {
      overflow: () => {},
      failed: (err) => void (failure = err),
      handed: () => {},
    }, () => performance.now());
    let position = 0;
    while (performance.now() - start < SECONDS * 1000 && failure === null) {
      if (batcher.queued >= BATCH) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      const from = offset;
      offset += BATCH;
      for (const post of listeningPosts(c.texts, BATCH, from, now - (from % 3_600_000))) batcher.add(post);
      batcher.advance(++position);
    }
    await batcher.drain();
    if (failure !== null) throw failure;
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, source));
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const db1 = await databaseCpu();
  const threads = readerStats();
  const processMs = (cpu.user + cpu.system) / 1000;
  return {
    seconds: Math.round(ms / 100) / 10, batch: BATCH, concurrency: CONCURRENCY, readAhead: READ_AHEAD, posts, matched, stored,
    postsPerSecond: rate(posts, ms), mentionsPerSecond: rate(stored, ms),
    // The process's CPU time, its reader threads' included (the database server's is not).
    mentionsPerCpuSecond: rate(stored, processMs),
    // CPU ms per mention stored, of this process and of the database's server processes for its connections: what a
    // shared machine's load changes least.
    processCpuMsPerMention: perRow(processMs, stored), databaseCpuMsPerMention: perRow(db0 === null || db1 === null ? null : db1 - db0, stored),
    readerThreads: threads.threads, batchesReadOnThreads: threads.readOnThreads - threads0.readOnThreads,
  };
}

/**
 * The same rows, read (matched, analysed, grouped with their near-duplicates) beforehand as the pipeline reads them,
 * written by the same store function: the ceiling. Copies keep pointing at their group's first mention of the same
 * round, so the groups' counts are written too.
 */
async function measureRawInsert(ctx: AppContext, c: ReturnType<typeof corpus>, databaseCpu: DatabaseCpu) {
  const now = ctx.clock.now();
  const { workspaceId } = await seedListening(ctx, c.topics, now);
  const topics = await topicIndexFor(ctx.store.db, workspaceId, now);
  const analyzer = await workspaceAnalyzer(ctx, workspaceId);
  const groups = new MentionGroups();
  const prepared: MatchedMention[] = [];
  const posts = listeningPosts(c.texts, 60_000, 0, now).map((raw) => normalizePost(raw, now));
  for (let i = 0; i < posts.length; i += BATCH) {
    const part = posts.slice(i, i + BATCH);
    const read = readPosts(part.map((p) => postToRead(p)), topics.index, topics.usesLanguage, (text, hint) => analyzer.analyze(text, { lang: hint }));
    for (const [k, post] of part.entries()) {
      const r = read[k]!;
      if ('error' in r || r.topicIds.length === 0 || !r.analysis) continue;
      const id = newMentionId(now);
      const clusterId = groups.place(workspaceId, id, post.uri, post.text, post.repostOf, r.signature);
      prepared.push({ id, post, analysis: r.analysis, topicIds: r.topicIds, clusterId, terms: termsOf(post, r.analysis) });
    }
  }
  let rows = 0;
  let next = 0;
  const idsByRound = new Map<number, Map<string, string>>();
  const db0 = await databaseCpu();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const limitMs = Math.min(SECONDS, 30) * 1000;
  const writer = async () => {
    while (performance.now() - start < limitMs) {
      const k = next++;
      const i = (k * BATCH) % prepared.length;
      const round = Math.floor((k * BATCH) / prepared.length);
      if (!idsByRound.has(round)) idsByRound.set(round, new Map());
      idsByRound.delete(round - 2);
      const ids = idsByRound.get(round)!;
      // Each round writes fresh rows: new ids and uris, as new posts would be.
      const batch = prepared.slice(i, i + BATCH).map((m) => {
        const id = newMentionId(now);
        ids.set(m.id, id);
        return { ...m, id, clusterId: m.clusterId ? (ids.get(m.clusterId) ?? null) : null, post: { ...m.post, uri: `${m.post.uri}#${round}` } };
      });
      const done = await ctx.store.db.transaction().execute((trx) => storeMentions(trx, workspaceId, null, batch, now));
      rows += done.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, writer));
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const db1 = await databaseCpu();
  return {
    seconds: Math.round(ms / 100) / 10, batch: BATCH, concurrency: CONCURRENCY, rows, rowsPerSecond: rate(rows, ms),
    processCpuMsPerRow: perRow((cpu.user + cpu.system) / 1000, rows), databaseCpuMsPerRow: perRow(db0 === null || db1 === null ? null : db1 - db0, rows),
  };
}

const NEGATIVE = ['{b} est une arnaque, service client injoignable, je suis furieux', 'Worst experience ever with {b}, they scammed me and never answer', '{b} honte à vous, produit cassé et aucun remboursement'];
const POSITIVE = ['J’adore {b}, merci pour ce super service !', 'Thank you {b}, great product, love it', 'Bravo {b}, livraison rapide et équipe adorable'];
const NEUTRAL = ['{b} ouvre un magasin à Lyon la semaine prochaine', '{b} announced a new product today', 'Quelqu’un a testé {b} ?'];

/**
 * A bad buzz replayed through the pipeline on a simulated clock: four calm weeks of counts written as history, then
 * the spike's mentions (and the usual ones) ingested every 10 simulated seconds. "Visible" is the first minute at which
 * the radar, given the exact per-minute counts, would alert; the delay is from the start of that minute to the alert.
 */
async function measureSpikeToAlert() {
  const curve = loadCurve();
  const onset = 28 * DAY + 14 * 60 + 10;
  const extra = spikeMentions({ ...BAD_BUZZ, onset });
  let visible: number | null = null;
  {
    const series = seriesUntil(curve, onset - 60, extra);
    let state = null;
    for (let t = onset - 60; t < onset + 120 && visible === null; t++) {
      series.add(curve.start + t, countsAt(curve, t, extra));
      const v = evaluateRadar(series, curve.start + t, DEFAULT_RADAR_SETTINGS, state);
      state = v.state;
      if (v.alerts.some((a) => a.kind === 'volume_spike')) visible = t;
    }
  }
  let now = (curve.start + onset - 60) * 60_000;
  const clock: Clock = { now: () => now };
  return withContext('sqlite', async (ctx) => {
    const { workspaceId, topicIds } = await seedListening(ctx, [{ id: 'brand', query: 'ruchebench' }], curve.start * 60_000);
    const history = [];
    for (let t = 0; t < onset - 60; t++) {
      const c = countsAt(curve, t, extra);
      if (c.total > 0) history.push({ topic_id: topicIds[0], minute: curve.start + t, ...c });
    }
    for (let i = 0; i < history.length; i += 500) await ctx.store.db.insertInto('listening_topic_minutes').values(history.slice(i, i + 500)).execute();
    let alertAt: number | null = null;
    let n = 0;
    for (let t = onset - 60; t < onset + 120 && alertAt === null; t++) {
      const c = countsAt(curve, t, extra);
      const kinds = [...Array(c.negative).fill(NEGATIVE), ...Array(c.positive).fill(POSITIVE), ...Array(Math.max(0, c.total - c.negative - c.positive)).fill(NEUTRAL)];
      // The minute's mentions arrive spread over six 10-second steps.
      for (let step = 0; step < 6 && alertAt === null; step++) {
        now = (curve.start + t) * 60_000 + step * 10_000 + 9_999;
        const part = kinds.filter((_, k) => k % 6 === step).map((texts) => texts[n++ % texts.length].replace('{b}', 'RucheBench'));
        const posts = part.map((text, k) => ({
          network: 'bluesky' as const, uri: `at://did:plc:spike/app.bsky.feed.post/${t}-${step}-${k}`, url: null,
          author: { id: `did:plc:a${(t * 7 + k) % 500}`, handle: `a${(t * 7 + k) % 500}.bsky.social`, displayName: null, followers: 100 },
          text: `${text} (${t}.${step}.${k})`, createdAt: now - 1, languages: [],
        }));
        if (posts.length > 0) await ingestPosts(ctx, { workspaceId, sourceId: null }, posts);
        const alert = await ctx.store.db.selectFrom('listening_alerts').select(['created_at', 'kind']).where('kind', '=', 'volume_spike').executeTakeFirst();
        if (alert) alertAt = Number(alert.created_at);
      }
    }
    const visibleAt = visible === null ? null : (curve.start + visible) * 60_000;
    return {
      onsetMinute: 0, visibleMinutesAfterOnset: visible === null ? null : visible - onset,
      alertSecondsAfterOnset: alertAt === null ? null : Math.round((alertAt - (curve.start + onset) * 60_000) / 1000),
      alertSecondsAfterVisible: alertAt === null || visibleAt === null ? null : Math.round((alertAt - visibleAt) / 1000),
    };
  }, clock);
}

export default async function ingestBench() {
  const only = (process.env.BENCH_INGEST_DATABASES?.split(',') ?? ['sqlite', 'postgres']) as Array<'sqlite' | 'postgres'>;
  const figures: Record<string, unknown> = { loadAverageAtStart: os.loadavg()[0], cpus: os.cpus().length, topics: TOPICS };
  const c = corpus();
  for (const db of only) {
    figures[`pipeline ${db}`] = await withContext(db, (ctx, databaseCpu) => measurePipeline(ctx, c, databaseCpu));
    console.log(`pipeline ${db}: ${JSON.stringify(figures[`pipeline ${db}`])}`);
    figures[`raw insert ${db}`] = await withContext(db, (ctx, databaseCpu) => measureRawInsert(ctx, c, databaseCpu));
    console.log(`raw insert ${db}: ${JSON.stringify(figures[`raw insert ${db}`])}`);
    const p = figures[`pipeline ${db}`] as { mentionsPerSecond: number };
    const r = figures[`raw insert ${db}`] as { rowsPerSecond: number };
    figures[`share of raw ${db}`] = Math.round((p.mentionsPerSecond / r.rowsPerSecond) * 100) / 100;
    console.log(`share of raw ${db}: ${figures[`share of raw ${db}`]}`);
  }
  // BENCH_INGEST_SPIKE=0 leaves the spike out, for runs that only compare throughput.
  if (process.env.BENCH_INGEST_SPIKE !== '0') {
    figures['spike to alert'] = await measureSpikeToAlert();
    console.log(`spike to alert: ${JSON.stringify(figures['spike to alert'])}`);
  }
  figures.loadAverageAtEnd = os.loadavg()[0];
  return figures;
}
