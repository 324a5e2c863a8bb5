import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';
import { HOUSEKEEPING_PURGE } from '../../src/modules/housekeeping/jobs.js';

// A 1 × 1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pngBytes = () => new Uint8Array(PNG);

describe.each(databases)('Idempotency-Key on writes, on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ownerId: string;
  let writer: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId, userId: ownerId } = await setupOwner(ruche.url));
    ({ client: writer } = await addMember(owner, workspaceId, 'writer@example.com', 'content_creator'));
  });
  afterAll(() => ruche?.stop());

  const posts = () => `/api/v1/workspaces/${workspaceId}/posts`;
  const create = (client: TestClient, key: string, body: unknown) => client.request('POST', posts(), body, { 'idempotency-key': key });
  const countPosts = async (text: string) =>
    (await owner.get(`${posts()}?unscheduled=true`)).body.items.filter((p: { body: string }) => p.body === text).length;

  it('answers a retried create with the first answer, and writes once', async () => {
    const key = crypto.randomUUID();
    const draft = { body: 'Retried after a lost answer', accountIds: [] };
    const first = await create(owner, key, draft);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await create(owner, key, draft);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await countPosts(draft.body)).toBe(1);
  });

  it('refuses the same key with another body, and writes nothing', async () => {
    const key = crypto.randomUUID();
    expect((await create(owner, key, { body: 'The first text', accountIds: [] })).status).toBe(201);
    const other = await create(owner, key, { body: 'Another text', accountIds: [] });
    expect(other.status).toBe(422);
    expect(other.body.error).toEqual({ code: 'idempotency_key_reused', message: expect.stringContaining('Idempotency-Key') });
    expect(await countPosts('Another text')).toBe(0);
  });

  it('keeps the keys of two members apart', async () => {
    const key = 'shared-key-1';
    const draft = { body: 'Same key, two people', accountIds: [] };
    const mine = await create(owner, key, draft);
    const theirs = await create(writer, key, draft);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    // Each one's retry still finds their own answer.
    expect((await create(owner, key, draft)).body.id).toBe(mine.body.id);
    expect((await create(writer, key, draft)).body.id).toBe(theirs.body.id);
    expect(await countPosts(draft.body)).toBe(2);
  });

  it('answers 409 while a request with the key is still running', async () => {
    const key = crypto.randomUUID();
    // What a request in flight leaves behind, here or in another API process.
    const now = Date.now();
    await ruche.ctx.store.db
      .insertInto('idempotency_keys')
      .values({ user_id: ownerId, key, fingerprint: 'in flight', status: 'running', response_status: null, response_type: null, response_body: null, created_at: now, expires_at: now + 86400_000 })
      .execute();
    const res = await create(owner, key, { body: 'Sent twice at once', accountIds: [] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_key_in_use');
    expect(await countPosts('Sent twice at once')).toBe(0);
  });

  it('writes once when the same request arrives several times at once', async () => {
    const key = crypto.randomUUID();
    const draft = { body: 'Double-clicked', accountIds: [] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(owner, key, draft)));
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await countPosts(draft.body)).toBe(1);
  });

  it('lets a corrected request reuse the key of a refused one', async () => {
    const key = crypto.randomUUID();
    expect((await create(owner, key, { body: 'x', accountIds: 'not a list' })).status).toBe(400);
    expect((await create(owner, key, { body: 'Corrected', accountIds: [] })).status).toBe(201);
  });

  it('replays uploads too, whatever the body', async () => {
    const key = crypto.randomUUID();
    const upload = () => owner.request('POST', `/api/v1/workspaces/${workspaceId}/media?fileName=dot.png`, pngBytes(), { 'content-type': 'image/png', 'idempotency-key': key });
    const first = await upload();
    const second = await upload();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses keys that are not visible ASCII of a sensible length', async () => {
    const res = await create(owner, 'k'.repeat(256), { body: 'Too long a key', accountIds: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_idempotency_key');
  });

  it('describes the header on every write of a signed-in user', async () => {
    const doc = (await owner.get('/api/v1/openapi.json')).body;
    const writes = Object.entries(doc.paths as Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; security?: unknown[] }>>)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))
      .filter(({ method, op }) => method === 'post' && op.security?.length);
    expect(writes.map((w) => w.path)).toEqual(expect.arrayContaining(['/api/v1/workspaces', '/api/v1/workspaces/{workspaceId}/posts']));
    for (const w of writes) {
      expect(`${w.path}: ${w.op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key')}`).toBe(`${w.path}: true`);
    }
  });

  it('forgets keys after a day, in the hourly housekeeping', async () => {
    const { db } = ruche.ctx.store;
    const key = crypto.randomUUID();
    expect((await create(owner, key, { body: 'Kept a day', accountIds: [] })).status).toBe(201);
    await db.updateTable('idempotency_keys').set({ expires_at: Date.now() - 1000 }).where('key', '=', key).execute();
    const { id } = await ruche.ctx.jobs.queue.enqueue(HOUSEKEEPING_PURGE, {});
    let job = await ruche.ctx.jobs.queue.get(id);
    for (let i = 0; i < 200 && job?.status !== 'succeeded' && job?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await ruche.ctx.jobs.queue.get(id);
    }
    expect(job).toMatchObject({ status: 'succeeded', result: { idempotencyKeys: 1 } });
    expect(await db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).toEqual([]);
  });
});
