import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCounter } from '../helpers/query-counter.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { countItems, countsChanged, firstReplyFigures } from '../../src/modules/inbox/counts.js';
import { figureThreadStats } from '../../src/modules/analytics/figure-threads.js';

// The inbox's counts are remembered a few seconds per workspace and filters: requests arriving while a count is
// being made wait for it instead of counting again, and a change to the workspace's items forgets it.
describe('inbox counts remembered', () => {
  let dir: string;
  let store: Store;
  const queries = queryCounter();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-counts-'));
    store = openStore({ kind: 'sqlite', file: path.join(dir, 'ruche.sqlite') });
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts once for requests that arrive together, and again after a change', async () => {
    const workspaceId = crypto.randomUUID();
    const scope = { store: { ...store, db: store.db.withPlugin(queries.plugin) }, workspaceId, userId: 'u' };
    // On SQLite a count is read on a reader thread (figure-threads.ts), whose queries this thread does not see: a
    // count made there is counted as one.
    const made = () => queries.count + figureThreadStats().countsOnThreads;
    queries.count = 0;
    const together = await Promise.all(Array.from({ length: 8 }, () => countItems(scope, { status: 'open' })));
    const once = made();
    expect(once).toBeGreaterThan(0);
    expect(together.every((c) => c.total === 0 && c === together[0])).toBe(true);
    await countItems(scope, { status: 'open' });
    expect(made()).toBe(once);
    // Other filters are another count.
    await countItems(scope, { status: 'done' });
    expect(made()).toBeGreaterThan(once);
    const beforeChange = made();
    countsChanged(workspaceId);
    await countItems(scope, { status: 'open' });
    expect(made()).toBeGreaterThan(beforeChange);
  });

  it('reads the first-reply median once for requests that arrive together', async () => {
    const scope = { store: { ...store, db: store.db.withPlugin(queries.plugin) }, workspaceId: crypto.randomUUID(), userId: 'u' };
    queries.count = 0;
    const figures = await Promise.all(Array.from({ length: 5 }, () => firstReplyFigures(scope, Date.now())));
    expect(queries.count).toBe(1);
    expect(figures[0]).toEqual({ medianMs: null, replied: 0 });
  });
});
