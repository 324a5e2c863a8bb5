import { afterAll, beforeAll, expect } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { FakeInbound } from './fake-inbound.js';
import { INBOX_POLL, INBOX_POLL_ALL } from '../../src/modules/inbound/job-names.js';
import type { Job } from '../../src/jobs/index.js';

let runs = 0;

export async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  return expect.fail(`timed out waiting for ${what}`);
}

export async function waitForJob(ruche: TestRuche, id: string): Promise<Job> {
  return waitFor(`job ${id}`, async () => {
    const job = await ruche.ctx.jobs.queue.get(id);
    return job && (job.status === 'succeeded' || job.status === 'failed') ? job : null;
  }, 600);
}

/** Queues a poll of one source of one account, as the recurring task does, and waits for its end (retries included). */
export async function poll(ruche: TestRuche, accountId: string, source: 'notifications' | 'messages' = 'notifications'): Promise<Job> {
  const { id } = await ruche.ctx.jobs.queue.enqueue(INBOX_POLL, { accountId, source }, { idempotencyKey: `test-poll:${accountId}:${source}:${++runs}` });
  return waitForJob(ruche, id);
}

export async function pollAll(ruche: TestRuche): Promise<Job> {
  const { id } = await ruche.ctx.jobs.queue.enqueue(INBOX_POLL_ALL, {}, { idempotencyKey: `test-poll-all:${++runs}` });
  return waitForJob(ruche, id);
}

/** The backfill queued when the account was connected, once it is over. */
export async function backfilled(ruche: TestRuche, accountId: string, source: 'notifications' | 'messages' = 'notifications'): Promise<Job> {
  const row = await waitFor('the backfill job', () =>
    ruche.ctx.store.db.selectFrom('jobs').select('id').where('idempotency_key', 'like', `inbox-poll:${accountId}:${source}:connect:%`).executeTakeFirst(),
  );
  return waitForJob(ruche, row.id);
}

export function stored(ruche: TestRuche, accountId: string) {
  return ruche.ctx.store.db.selectFrom('inbox_items').selectAll().where('account_id', '=', accountId).execute();
}

export function source(ruche: TestRuche, accountId: string, name: 'notifications' | 'messages' = 'notifications') {
  return ruche.ctx.store.db.selectFrom('inbox_sources').selectAll().where('account_id', '=', accountId).where('source', '=', name).executeTakeFirst();
}

export interface FakeInboundSuite {
  net: FakeInbound;
  ruche: TestRuche;
  owner: TestClient;
  ws: string;
  userId: string;
  /** Connects an account of the fake network and waits for its backfills (notifications and messages). */
  connect(handle: string): Promise<string>;
}

/**
 * A Ruche on `kind` fed by the fake network, its owner signed in. The recurring poll is off: polls run when a test
 * says (it would only repeat them). Registers the suite's beforeAll and afterAll; read the fields inside tests.
 */
export function fakeInboundSuite(kind: 'sqlite' | 'postgres'): FakeInboundSuite {
  const suite = { net: new FakeInbound() } as FakeInboundSuite;
  suite.connect = async (handle) => {
    const id = await connectLocalAccount(suite.ruche, suite.ws, suite.userId, handle);
    await backfilled(suite.ruche, id, 'notifications');
    await backfilled(suite.ruche, id, 'messages');
    return id;
  };
  beforeAll(async () => {
    suite.ruche = await startTestRuche(kind, { INBOX_POLL_SECONDS: '86400' }, { connectors: suite.net.factory() });
    ({ client: suite.owner, workspaceId: suite.ws, userId: suite.userId } = await setupOwner(suite.ruche.url));
  });
  afterAll(() => suite.ruche?.stop());
  return suite;
}
