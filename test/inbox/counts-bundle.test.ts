import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/process.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { readCounts, type CountsJob } from '../../src/modules/inbox/counts-window.js';
import type { FiguresReply } from '../../src/modules/analytics/figure-worker.js';

// The server's bundle runs the analytics reader thread from a file of its own (scripts/build-server.mjs): that file
// reads the inbox's counts on SQLite as well as dashboards, with the same counts as the calling thread.
describe('inbox counts in the server bundle', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-counts-bundle-'));
    store = openStore({ kind: 'sqlite', file: path.join(dir, 'ruche.sqlite') });
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a count on the bundled analytics reader thread', async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const job: CountsJob = { workspaceId: crypto.randomUUID(), userId: 'u', filters: { status: 'open', q: 'bonjour' }, window: 5000 };
    const worker = new Worker(path.join(root, 'dist/server/analytics-reader.mjs'));
    try {
      const reply = await new Promise<FiguresReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, counts: job, file: store.file! });
      });
      expect(reply.error).toBeUndefined();
      expect(reply.id).toBe(7);
      expect(reply.counts).toEqual(await readCounts(store, job));
      expect(reply.counts!.rows.find((r) => r.facet === 'total')?.n).toBe(0);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
