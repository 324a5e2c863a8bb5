import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';
import { compiledOnce, compiledShapes } from '../../src/store/compiled-once.js';
import { testStores } from '../helpers/store.js';

// A query compiled once and run with each call's values answers what the same query built afresh answers.
describe.each(testStores())('queries compiled once on $name', ({ open }) => {
  let store: Store;
  const names = ['Alpha', 'Beta', 'Gamma'];
  const ids: string[] = [];
  beforeAll(async () => {
    store = await open();
    for (const name of names) {
      const id = crypto.randomUUID();
      ids.push(id);
      await store.db.insertInto('workspaces').values({ id, name, timezone: 'Europe/Paris', locale: 'en', logo_key: null, logo_updated_at: null, created_by: 'nobody', created_at: Date.now() }).execute();
    }
  });
  afterAll(async () => store?.destroy());

  const byIdAndName = compiledOnce((db: Kysely<Database>, id: string, name: string) =>
    db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', id).where('name', '=', name).where('name', '!=', 'nobody'));

  it('gives each call its own values', async () => {
    for (const [i, name] of names.entries()) {
      expect(await byIdAndName(store.db, ids[i]!, name)).toEqual([{ id: ids[i], name }]);
    }
    expect(await byIdAndName(store.db, ids[0]!, 'Beta')).toEqual([]);
    // A value that looks like SQL is a value.
    expect(await byIdAndName(store.db, `' or 1=1 --`, 'Alpha')).toEqual([]);
  });

  it('refuses a query that writes an argument into its SQL', async () => {
    const literal = compiledOnce((db: Kysely<Database>, name: string) => db.selectFrom('workspaces').select('id').where('name', '=', sql.lit(name)));
    await expect(literal(store.db, 'Alpha')).rejects.toThrow(/must be a query parameter/);
  });

  it('compiles a shape once and runs it with each call\'s values; a value that changes on its way is built afresh', async () => {
    const shapes = compiledShapes<Database>();
    let builds = 0;
    const named = (name: string, upper: boolean) =>
      shapes(store.db, `named ${upper}`, { name }, (v) => {
        builds++;
        // A shape whose value is turned into something else cannot take the call's value as it is.
        return store.db.selectFrom('workspaces').select(['id', 'name']).where('name', '=', upper ? String(v.name).toUpperCase() : (v.name as string));
      });
    for (const [i, name] of names.entries()) {
      expect((await store.db.executeQuery(named(name, false))).rows).toEqual([{ id: ids[i], name }]);
    }
    expect(builds).toBe(1);
    expect((await store.db.executeQuery(named(`' or 1=1 --`, false))).rows).toEqual([]);
    builds = 0;
    const upper = named('Alpha', true);
    expect(upper.parameters).toEqual(['ALPHA']);
    expect((await store.db.executeQuery(upper)).rows).toEqual([]);
    expect(named('Beta', true).parameters).toEqual(['BETA']);
    // Once to learn the shape, then each call.
    expect(builds).toBe(3);
  });
});
