import { createAnalyzer } from '../src/analysis/index.js';
import { featurize } from '../src/analysis/featurize.js';
import { predictProba } from '../src/analysis/model/linear.js';
import type { Analysis } from '../src/analysis/types.js';
import { loadComplaints, loadLines, loadTextLabelCsv, type Example } from './lib/data.js';
import { accuracy, macroF1, perClass, round } from './lib/metrics.js';

// Scores the whole pipeline (language detection included) on the dev splits of ../shared/data; the complaints set
// has no dev split, so a fixed 20 % of its ids (FNV hash) is held out of training and scored here.
const analyzer = await createAnalyzer();
const SENT = { negative: 0, neutral: 1, positive: 2 } as const;
const rows: Record<string, unknown>[] = [];

function report(task: string, metric: string, value: number, target?: number, note = ''): void {
  rows.push({ task, metric, value: round(value), target: target ?? '', ok: target === undefined ? '' : value >= target ? 'yes' : 'NO', note });
}

function run(examples: Example[]): Analysis[] {
  return examples.map((e) => analyzer.analyze(e.text));
}

for (const [lang, target] of [['fr', 0.66], ['en', 0.62]] as const) {
  const dev = loadLines(`sentiment/tweets-${lang}`, 'val');
  const out = run(dev);
  report(`sentiment tweets-${lang}`, 'macro-F1', macroF1(dev.map((e) => e.label), out.map((a) => SENT[a.sentiment.label]), 3), target, `${dev.length} dev tweets`);
  report(`language tweets-${lang}`, 'accuracy', accuracy(dev.map(() => lang), out.map((a) => a.lang)), 0.98,
    `${out.filter((a) => a.language.source === 'fasttext').length} of ${dev.length} sent to fastText`);
}

const tweeteval = loadLines('sentiment/tweeteval-en', 'val');
report('sentiment tweeteval-en val', 'macro-F1', macroF1(tweeteval.map((e) => e.label), run(tweeteval).map((a) => SENT[a.sentiment.label]), 3), undefined,
  'contains the tweets-en dev set and much of its train set');

function binary(task: string, dev: Example[], score: (a: Analysis, e: Example) => number, target?: number, metric: 'macro' | 'positive' = 'macro', note = ''): void {
  const out = run(dev);
  const gold = dev.map((e) => e.label);
  const pred = out.map((a, i) => (score(a, dev[i]) >= 0.5 ? 1 : 0));
  if (metric === 'macro') report(task, 'macro-F1', macroF1(gold, pred, 2), target, note);
  const pos = perClass(gold, pred, 1);
  report(task, 'F1 (positive class)', pos.f1, metric === 'positive' ? target : undefined, `P ${round(pos.precision)} R ${round(pos.recall)}; ${note}`);
}

const hateFr = loadTextLabelCsv('hate/superset-fr/dev.csv');
binary('hate superset-fr dev (pipeline)', hateFr, (a) => a.toxicity.categories.hate, 0.75, 'macro', `${hateFr.length} texts`);
const hateFrModel = (e: Example) => predictProba(analyzer.models['hate-fr'], featurize(e.text).features)[1];
binary('hate superset-fr dev (model alone)', hateFr, (_a, e) => hateFrModel(e));
binary('hate kennedy-en dev', loadTextLabelCsv('hate/kennedy-en/dev.csv'), (a) => a.toxicity.categories.hate);
binary('hate tweeteval-en val', loadLines('hate/tweeteval-en', 'val'), (a) => a.toxicity.categories.hate);
binary('offensive tweeteval-en val (insult)', loadLines('offensive/tweeteval-en', 'val'), (a) => Math.max(a.toxicity.categories.insult, a.toxicity.categories.hate));
const complaints = loadComplaints('heldout');
binary('complaints-en held-out 20 %', complaints, (a) => a.complaint.score, 0.78, 'macro', `${complaints.length} tweets, split by id hash`);

console.table(rows);
