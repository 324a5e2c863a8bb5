import type { Example } from './data.js';
import { loadComplaints, loadDavidson, loadLines, loadReviewsFr, loadTextLabelCsv } from './data.js';

export interface ModelSpec {
  /** File name under src/analysis/models (without extension) and model name. */
  name: string;
  kind: 'binary' | 'softmax';
  labels: string[];
  charWeight: number;
  epochs: number;
  train: () => Example[];
  /** Dev examples, for `npm run eval`. */
  dev: () => Example[];
}

const SENTIMENT = ['negative', 'neutral', 'positive'];

const csv = (rel: string) => () => loadTextLabelCsv(rel);
const lines = (dir: string, split: 'train' | 'val') => () => loadLines(dir, split);

// Char n-gram weights were picked on the dev splits among a few values (0, 0.3, 0.4, 0.6, 1): English tweet
// sentiment does best on words alone; French sentiment, hate and complaints gain from spelling-robust n-grams.
export const MODEL_SPECS: ModelSpec[] = [
  {
    name: 'sentiment-fr', kind: 'softmax', labels: SENTIMENT, charWeight: 0.4, epochs: 5,
    train: lines('sentiment/tweets-fr', 'train'), dev: lines('sentiment/tweets-fr', 'val'),
  },
  {
    name: 'sentiment-en', kind: 'softmax', labels: SENTIMENT, charWeight: 0, epochs: 8,
    train: lines('sentiment/tweets-en', 'train'), dev: lines('sentiment/tweets-en', 'val'),
  },
  {
    name: 'hate-fr', kind: 'binary', labels: ['no', 'hate'], charWeight: 0.3, epochs: 5,
    train: csv('hate/superset-fr/train.csv'), dev: csv('hate/superset-fr/dev.csv'),
  },
  {
    name: 'hate-en', kind: 'binary', labels: ['no', 'hate'], charWeight: 0.3, epochs: 5,
    train: () => [...loadTextLabelCsv('hate/kennedy-en/train.csv'), ...loadLines('hate/tweeteval-en', 'train')],
    dev: () => [...loadTextLabelCsv('hate/kennedy-en/dev.csv'), ...loadLines('hate/tweeteval-en', 'val')],
  },
  {
    // Abusive or offensive language, of which insults are most: OLID, Founta's abusive tweets, Davidson.
    name: 'offensive-en', kind: 'binary', labels: ['no', 'offensive'], charWeight: 0.3, epochs: 4,
    train: () => [
      ...loadLines('offensive/tweeteval-en', 'train'),
      ...loadTextLabelCsv('hate/founta-en/train.csv'),
      ...loadDavidson().map((e) => ({ text: e.text, label: e.label === 2 ? 0 : 1 })),
    ],
    dev: () => [...loadLines('offensive/tweeteval-en', 'val'), ...loadTextLabelCsv('hate/founta-en/dev.csv')],
  },
  {
    name: 'complaint-en', kind: 'binary', labels: ['no', 'complaint'], charWeight: 0.3, epochs: 5,
    train: () => loadComplaints('train'), dev: () => loadComplaints('heldout'),
  },
  {
    // French (1) against English (0), from every tweet set whose language is known; the dev split is the
    // sentiment tweets' dev sets.
    name: 'language', kind: 'binary', labels: ['en', 'fr'], charWeight: 1, epochs: 3,
    train: () => [
      ...loadLines('sentiment/tweets-fr', 'train').map(fr),
      ...loadTextLabelCsv('hate/superset-fr/train.csv').map(fr),
      ...loadReviewsFr('train').map(fr),
      ...loadLines('sentiment/tweets-en', 'train').map(en),
      ...loadTextLabelCsv('hate/kennedy-en/train.csv').map(en),
      ...loadLines('offensive/tweeteval-en', 'train').map(en),
      ...loadComplaints('train').map(en),
    ],
    dev: () => [...loadLines('sentiment/tweets-fr', 'val').map(fr), ...loadLines('sentiment/tweets-en', 'val').map(en)],
  },
];

function fr(e: Example): Example {
  return { text: e.text, label: 1 };
}
function en(e: Example): Example {
  return { text: e.text, label: 0 };
}
