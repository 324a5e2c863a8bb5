import { parentPort } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { openSqliteReader } from '../../store/database.js';
import { figuresOf, type FiguresWanted } from './dashboard-figures.js';
import type { VoiceTopic } from './listening-figures.js';
import type { ScopeAccount } from './scope.js';
import { zoneOf } from './time.js';
import type { Comparison, Dashboard, Period, Scope } from './types.js';

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

export type FiguresRequest = { id: number; job: FiguresJob };
export type FiguresReply = { id: number; dashboard?: Dashboard; error?: string };

// One reading connection per file, kept for the thread's life.
const readers = new Map<string, Kysely<Database>>();

parentPort!.on('message', ({ id, job }: FiguresRequest) => {
  void (async () => {
    let db = readers.get(job.file);
    if (!db) readers.set(job.file, (db = openSqliteReader(job.file)));
    const r = { db, dialect: 'sqlite' as const, zone: zoneOf(job.zone), now: job.now };
    return figuresOf(r, job.scope, job.period, job.comparison, job.accounts, job.topics, job.wanted);
  })().then(
    (dashboard) => parentPort!.postMessage({ id, dashboard } satisfies FiguresReply),
    (err: unknown) => parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies FiguresReply),
  );
});
