import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { startRuche, type Ruche } from '../../src/app.js';
import type { ContextOverrides } from '../../src/context.js';

/** The databases every integration test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databases: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestRuche extends Ruche {
  url: string;
  dataDir: string;
}

/** A whole Ruche on a free port, in its own data folder (SQLite) or its own PostgreSQL schema. */
export async function startTestRuche(
  kind: 'sqlite' | 'postgres' = 'sqlite',
  env: Record<string, string> = {},
  overrides: ContextOverrides & { webDir?: string } = {},
): Promise<TestRuche> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-test-'));
  const schema = `t_${crypto.randomBytes(6).toString('hex').replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
  const dbEnv = kind === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : {};
  const ruche = await startRuche({
    ...overrides,
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...dbEnv, ...env },
  });
  if (!ruche.url) throw new Error('the api role did not start');
  const stop = async () => {
    await ruche.stop();
    if (kind === 'postgres') await dropSchema(schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { ...ruche, url: ruche.url, dataDir, stop };
}

async function dropSchema(schema: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
