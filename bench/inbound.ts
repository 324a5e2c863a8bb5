import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { measureInboxIngest } from './lib/inbox-ingest.js';
import { measureModerationLatency } from './lib/moderation-latency.js';
import { readEnv } from '../src/config/env.js';
import { envToConfig } from '../src/config/config.js';
import { createContext, destroyContext, type AppContext } from '../src/context.js';

// The inbound path on SQLite and on PostgreSQL: ingest speed on one worker (fetch page → analyse → store → rules,
// from a fake network that answers at once; target ≥ 2,000 items/s) and the time from an item's arrival to its
// rule's action on the network (target p95 < 2 s). Each measure gets a fresh database of its own.
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withContext<T>(database: 'sqlite' | 'postgres', measure: (ctx: AppContext) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-inbound-'));
  const schema = `bench_inbound_${crypto.randomBytes(4).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const ctx = await createContext(envToConfig(readEnv({
    DATA_DIR: dataDir, SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', ROLES: 'api',
    ...(database === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema } : {}),
  })));
  try {
    return await measure(ctx);
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

export default async function inboundBench() {
  const only = (process.env.BENCH_INBOUND_DATABASES?.split(',') ?? ['sqlite', 'postgres']) as Array<'sqlite' | 'postgres'>;
  const figures: Record<string, unknown> = { loadAverageAtStart: os.loadavg()[0], cpus: os.cpus().length };
  for (const db of only) {
    figures[`ingest ${db}`] = await withContext(db, (ctx) => measureInboxIngest(ctx));
    console.log(`ingest ${db}: ${JSON.stringify(figures[`ingest ${db}`])}`);
    figures[`arrival to action ${db}`] = await withContext(db, (ctx) => measureModerationLatency(ctx));
    console.log(`arrival to action ${db}: ${JSON.stringify(figures[`arrival to action ${db}`])}`);
  }
  figures.loadAverageAtEnd = os.loadavg()[0];
  return figures;
}
