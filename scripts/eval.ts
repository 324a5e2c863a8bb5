import { createAnalyzer } from '../src/analysis/index.js';
import type { Analysis } from '../src/analysis/types.js';
import { loadComplaints, loadHeldOutCsv, loadLines, loadTextLabelCsv, type Example } from './lib/data.js';
import { functionalReport } from './lib/functional-report.js';
import { accuracy, macroF1, macroRecall, perClass, reliability, round } from './lib/metrics.js';
import { sentimentEnDev } from './lib/training-sets.js';

// Scores the whole pipeline (language detection included) on the dev splits of ../shared/data, then on the
// functional suites of test/analysis/suites and the held-out functional checks of test/analysis/heldout. Sets without
// a dev split are scored on the share of texts held out of training by hash (see scripts/lib/data.ts). `--suites`
// prints the suites only, `--heldout` the held-out checks only, `-v` the cases they got wrong.
const analyzer = await createAnalyzer();
const args = process.argv.slice(2);
const SENT = { negative: 0, neutral: 1, positive: 2 } as const;
const rows: Record<string, unknown>[] = [];
const curves: { task: string; bins: ReturnType<typeof reliability> }[] = [];

function report(task: string, metric: string, value: number, note = ''): void {
  rows.push({ task, metric, value: round(value), note });
}

function run(examples: Example[], lang?: 'fr' | 'en'): Analysis[] {
  return examples.map((e) => analyzer.analyze(e.text, lang ? { lang } : {}));
}

function sentiment(task: string, dev: Example[], note: string): void {
  const out = run(dev);
  const gold = dev.map((e) => e.label);
  const pred = out.map((a) => SENT[a.sentiment.label]);
  report(task, 'macro-F1', macroF1(gold, pred, 3), note);
  report(task, 'macro-recall', macroRecall(gold, pred, 3), ['negative', 'neutral', 'positive'].map((l, k) => `R(${l}) ${round(perClass(gold, pred, k).recall)}`).join(', '));
  const disagree = out.filter((a) => (a.sentiment.label === 'positive' && a.sentiment.score <= 0) || (a.sentiment.label === 'negative' && a.sentiment.score >= 0)).length;
  report(task, 'label and score sign disagree', disagree, 'texts');
}

function binary(task: string, dev: Example[], score: (a: Analysis) => number, note = '', curve = false): void {
  const out = run(dev);
  const gold = dev.map((e) => e.label);
  const scores = out.map(score);
  const pred = scores.map((s) => (s >= 0.5 ? 1 : 0));
  report(task, 'macro-F1', macroF1(gold, pred, 2), `${dev.length} texts${note ? `; ${note}` : ''}`);
  const pos = perClass(gold, pred, 1);
  report(task, 'F1 (positive class)', pos.f1, `P ${round(pos.precision)} R ${round(pos.recall)}`);
  const high = scores.map((s, i) => ({ s, y: gold[i] })).filter((x) => x.s >= 0.9);
  report(task, 'precision at ≥ 0.9', high.length === 0 ? 0 : high.filter((x) => x.y === 1).length / high.length, `${high.length} texts at or above 0.9`);
  if (curve) curves.push({ task, bins: reliability(scores, gold) });
}

if (!args.includes('--suites') && !args.includes('--heldout')) {
  for (const lang of ['fr', 'en'] as const) {
    const dev = loadLines(`sentiment/tweets-${lang}`, 'val');
    const out = run(dev);
    report(`language tweets-${lang}`, 'accuracy', accuracy(dev.map(() => lang), out.map((a) => a.lang)), `${out.filter((a) => a.language.source === 'fasttext').length} of ${dev.length} sent to fastText`);
  }
  sentiment('sentiment tweets-fr dev', loadLines('sentiment/tweets-fr', 'val'), '324 dev tweets');
  sentiment('sentiment tweets-en dev', loadLines('sentiment/tweets-en', 'val'), '324 dev tweets');
  sentiment('sentiment en dev + TweetEval val', sentimentEnDev(), 'TweetEval val tweets not in UMSAB train');

  const hate = (a: Analysis) => a.toxicity.categories.hate;
  binary('hate superset-fr dev', loadTextLabelCsv('hate/superset-fr/dev.csv'), hate, '', true);
  binary('hate kennedy-en dev', loadTextLabelCsv('hate/kennedy-en/dev.csv'), hate, '', true);
  binary('hate tweeteval-en val', loadLines('hate/tweeteval-en', 'val'), hate, '', true);
  binary('hate dynahate-en held out', loadHeldOutCsv('hate/dynahate-en/train.csv', 'heldout'), hate, '10 % by text hash', true);
  const offensive = (a: Analysis) => Math.max(a.toxicity.categories.insult, a.toxicity.categories.hate);
  binary('offensive tweeteval-en val (insult or hate)', loadLines('offensive/tweeteval-en', 'val'), offensive, '', true);
  binary('offensive tweeteval-en val (flagged)', loadLines('offensive/tweeteval-en', 'val'), (a) => a.toxicity.score);
  binary('toxic toxifrench-fr held out (insult or hate)', loadHeldOutCsv('offensive/toxifrench-fr/train.csv', 'heldout'), offensive, '10 % by text hash', true);
  binary('toxic jigsaw-mt-fr held out (insult or hate)', loadHeldOutCsv('offensive/jigsaw-mt-fr/train.csv', 'heldout'), offensive, 'machine-translated');
  binary('complaints-en held-out 20 %', loadComplaints('heldout'), (a) => a.complaint.score, 'split by id hash', true);

  console.table(rows);
  for (const c of curves) {
    console.log(`reliability, ${c.task}: score bin → texts, share positive`);
    console.log(c.bins.map((b) => `  [${b.from.toFixed(1)}, ${b.to.toFixed(1)}) ${String(b.count).padStart(5)}  ${b.count === 0 ? '   –' : b.positive.toFixed(2)}`).join('\n'));
  }
}
functionalReport((t) => analyzer.analyze(t), args.includes('-v'), args.find((a) => !a.startsWith('-')), args.includes('--heldout'));
