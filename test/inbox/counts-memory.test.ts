import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { countItems, countsChanged, firstReplyFigures } from '../../src/modules/inbox/counts.js';

// The inbox's counts are remembered a few seconds per workspace and filters: requests arriving while a count is
// being made wait for it instead of counting again, and a change to the workspace's items forgets it.
describe('inbox counts remembered', () => {
  let dir: string;
  let store: Store;
  let queries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
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
    const scope = { store: { ...store, db: store.db.withPlugin(counting) }, workspaceId, userId: 'u' };
    queries = 0;
    const together = await Promise.all(Array.from({ length: 8 }, () => countItems(scope, { status: 'open' })));
    const once = queries;
    expect(once).toBeGreaterThan(0);
    expect(together.every((c) => c.total === 0 && c === together[0])).toBe(true);
    await countItems(scope, { status: 'open' });
    expect(queries).toBe(once);
    // Other filters are another count.
    await countItems(scope, { status: 'done' });
    expect(queries).toBeGreaterThan(once);
    const beforeChange = queries;
    countsChanged(workspaceId);
    await countItems(scope, { status: 'open' });
    expect(queries).toBeGreaterThan(beforeChange);
  });

  it('reads the first-reply median once for requests that arrive together', async () => {
    const scope = { store: { ...store, db: store.db.withPlugin(counting) }, workspaceId: crypto.randomUUID(), userId: 'u' };
    queries = 0;
    const figures = await Promise.all(Array.from({ length: 5 }, () => firstReplyFigures(scope, Date.now())));
    expect(queries).toBe(1);
    expect(figures[0]).toEqual({ medianMs: null, replied: 0 });
  });
});
