import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import os from 'node:os';
import { createAnalyzer } from '../src/analysis/index.js';

// Throughput of the whole pipeline on one core, on tweet-length texts, against the `sentiment` package (AFINN) on
// the same texts. Uses the dev tweets from ../shared/data when present, else built-in samples.
const SAMPLES = [
  "Mon colis n'est toujours pas arrivé, ça fait 3 semaines @laposte #colère",
  'Honestly the new update is great, battery lasts all day now 👍',
  'Je vais te retrouver sale connard, tu vas le regretter',
  'FREE iPhone 15!!! Click bit.ly/free-ip today only, win $1000',
  "L'énergie solaire progresse en France, bonne nouvelle pour le climat #ecologie",
  '@united lost my bag again and nobody answers the phone, worst airline ever',
];

function loadTexts(): string[] {
  const dir = process.env.RUCHE_DATA_DIR ?? path.resolve(process.cwd(), '../shared/data');
  try {
    const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return [...read('sentiment/tweets-fr/val_text.txt'), ...read('sentiment/tweets-en/val_text.txt')];
  } catch {
    return SAMPLES;
  }
}

// Texts per second of wall time and per second of this process's CPU time: on a shared machine the second says
// what one core does when it is not taken by others.
function throughput(texts: string[], fn: (t: string) => unknown, minMs = 4000): { wall: number; cpu: number } {
  for (const t of texts) fn(t);
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < minMs) {
    for (const t of texts) fn(t);
    n += texts.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: n / ((performance.now() - start) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

/** From starting `npm run -s analyze` to its first answer, for a text written at once: what a caller waits for. */
function firstAnswerMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '-s', 'analyze'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.once('data', () => {
      resolve(performance.now() - started);
      child.stdin.end();
    });
    child.once('error', reject);
    child.stdin.write(`${JSON.stringify({ id: 1, text: 'Merci pour la réponse rapide, problème réglé !' })}\n`);
  });
}

export default async function bench(): Promise<Record<string, unknown>> {
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) starts.push(await firstAnswerMs());
  starts.sort((a, b) => a - b);
  const texts = loadTexts();
  const t0 = performance.now();
  const analyzer = await createAnalyzer();
  const loadMs = performance.now() - t0;
  const pipeline = throughput(texts, (t) => analyzer.analyze(t));
  const rssMb = process.memoryUsage().rss / 1e6;
  const Sentiment = createRequire(import.meta.url)('sentiment') as new () => { analyze(t: string): unknown };
  const afinn = new Sentiment();
  const baseline = throughput(texts, (t) => afinn.analyze(t));
  const results = {
    texts: texts.length,
    meanChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length),
    modelLoadMs: Math.round(loadMs),
    /** Median of five runs of `npm run -s analyze`, npm's own start included. */
    cliFirstAnswerMs: Math.round(starts[2]),
    pipelineTextsPerSecond: Math.round(pipeline.wall),
    pipelineTextsPerCpuSecond: Math.round(pipeline.cpu),
    rssMb: Math.round(rssMb),
    afinnSentimentTextsPerSecond: Math.round(baseline.wall),
    afinnSentimentTextsPerCpuSecond: Math.round(baseline.cpu),
    loadAverage: os.loadavg()[0],
    node: process.version,
  };
  console.log(
    `analysis: ${results.pipelineTextsPerSecond} texts/s (whole pipeline, one core, ${results.meanChars} chars on average), ` +
      `${results.pipelineTextsPerCpuSecond} per CPU-second, RSS ${results.rssMb} MB, model load ${results.modelLoadMs} ms, ` +
      `\`npm run -s analyze\` first answer ${results.cliFirstAnswerMs} ms; ` +
      `AFINN sentiment package: ${results.afinnSentimentTextsPerSecond} texts/s (${results.afinnSentimentTextsPerCpuSecond} per CPU-second); load average ${results.loadAverage.toFixed(1)}`,
  );
  return results;
}
