/**
 * A Ruche API on the test's PostgreSQL with a brand's account on a real Bluesky PDS, and worker processes that a
 * crash test kills with SIGKILL and starts again. Registers the suite's beforeAll and afterAll; read the fields
 * inside tests.
 */
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect } from 'vitest';
import { Pds, type PdsAccount } from '../connectors/bluesky-harness.js';
import { startTestRuche, type TestRuche } from './ruche.js';
import { setupOwner, type TestClient } from './client.js';
import { startWorkerProcess } from './worker-process.js';

export interface PdsCrashSuite {
  pds: Pds;
  account: PdsAccount;
  ruche: TestRuche;
  owner: TestClient;
  ws: string;
  /** The worker processes still running. */
  workers: Set<ChildProcess>;
  /** One more worker on the suite's schema; a short job lease so that a killed worker's jobs are claimed again soon. */
  startWorker(): ChildProcess;
  /** Connects the account through the API, as a user would, and returns its id in Ruche. */
  connectAccount(): Promise<string>;
  /** The text of every post in the account's repository on the PDS: the network's own word on what went out. */
  postTexts(): Promise<string[]>;
}

export function pdsCrashSuite(opts: { handle: string; workerEnv?: Record<string, string> }): PdsCrashSuite {
  const pgUrl = process.env.TEST_DATABASE_URL;
  // The workers decrypt the account's tokens that the API process stored, so they share its key.
  const secret = crypto.randomBytes(32).toString('hex');
  let schema = '';
  const suite = {
    workers: new Set<ChildProcess>(),
    startWorker: () => startWorkerProcess(suite.workers, {
      DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema, SECRET_KEY: secret, JOB_LEASE_SECONDS: '2', ...opts.workerEnv,
    }),
    connectAccount: async () => {
      const connected = await suite.owner.post(`/api/v1/workspaces/${suite.ws}/accounts/bluesky`, {
        service: suite.pds.url, identifier: suite.account.handle, appPassword: suite.account.appPassword,
      });
      expect(connected.status).toBe(201);
      return connected.body.id as string;
    },
    postTexts: async () => {
      const { owner, did } = suite.account;
      const texts: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await owner.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post', limit: 100, cursor });
        texts.push(...page.data.records.map((r) => (r.value as { text: string }).text));
        cursor = page.data.cursor;
      } while (cursor);
      return texts;
    },
  } as PdsCrashSuite;

  beforeAll(async () => {
    suite.pds = await Pds.start();
    suite.account = await suite.pds.createAccount(opts.handle);
    // The API alone: only the worker processes publish, so that killing them is what the test exercises.
    suite.ruche = await startTestRuche('postgres', { ROLES: 'api', SECRET_KEY: secret, ALLOW_PRIVATE_NETWORKS: '1' });
    const db = suite.ruche.ctx.config.database;
    schema = db.kind === 'postgres' ? db.schema! : '';
    ({ client: suite.owner, workspaceId: suite.ws } = await setupOwner(suite.ruche.url));
  }, 120_000);

  afterAll(async () => {
    for (const w of suite.workers) w.kill('SIGKILL');
    await suite.ruche?.stop();
    await suite.pds?.close();
  });

  return suite;
}
