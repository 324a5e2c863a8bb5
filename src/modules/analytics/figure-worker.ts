import { parentPort } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { openSqliteReader } from '../../store/database.js';
import { figuresOf, type FiguresWanted } from './dashboard-figures.js';
import type { VoiceTopic } from './listening-figures.js';
import type { ScopeAccount } from './scope.js';
import { zoneOf } from './time.js';
import type { Comparison, Dashboard, Period, Scope } from './types.js';
import { readCounts, type CountsJob, type CountsRead } from '../inbox/counts-window.js';

/** A dashboard's figures to compute, with what the calling thread read before: the accounts and topics it covers. */
export interface FiguresJob {
  file: string;
  zone: string;
  now: number;
  scope: Scope;
  period: Period;
  comparison: Comparison;
  accounts: ScopeAccount[];
  topics: VoiceTopic[];
  wanted: FiguresWanted;
}

/** What the thread reads: a dashboard's figures, or an inbox's counts (src/modules/inbox/counts-window.ts). */
export type FiguresRequest = { id: number; job: FiguresJob } | { id: number; counts: CountsJob; file: string };
export type FiguresReply = { id: number; dashboard?: Dashboard; counts?: CountsRead; error?: string };

// One reading connection per file, kept for the thread's life.
const readers = new Map<string, Kysely<Database>>();

const readerOf = (file: string) => {
  let db = readers.get(file);
  if (!db) readers.set(file, (db = openSqliteReader(file)));
  return db;
};

parentPort!.on('message', (request: FiguresRequest) => {
  const { id } = request;
  const answer: Promise<Omit<FiguresReply, 'id'>> = 'counts' in request
    ? readCounts({ db: readerOf(request.file), dialect: 'sqlite' }, request.counts).then((counts) => ({ counts }))
    : (async () => {
      const { job } = request;
      const r = { db: readerOf(job.file), dialect: 'sqlite' as const, zone: zoneOf(job.zone), now: job.now };
      return { dashboard: await figuresOf(r, job.scope, job.period, job.comparison, job.accounts, job.topics, job.wanted) };
    })();
  answer.then(
    (reply) => parentPort!.postMessage({ id, ...reply } satisfies FiguresReply),
    (err: unknown) => parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies FiguresReply),
  );
});
