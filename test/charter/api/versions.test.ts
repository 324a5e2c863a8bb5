/**
 * The charter through the API: versions kept with who saved them, a stale save refused, a bad charter refused in
 * zod's words, the audit log told, and who may read, write and check it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../../helpers/client.js';
import { EMPTY_CHARTER } from '../../../src/shared/charter/charter.js';

describe.each(databases)('charter versions on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let strategist: TestClient;
  let creator: TestClient;
  let client: TestClient;
  let ws: string;
  let otherWs: string;

  const charter = (ws_: string, p = '') => `/api/v1/workspaces/${ws_}/charter${p}`;
  const put = (who: TestClient, body: unknown, in_ = ws) => who.request('PUT', charter(in_), body);

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    strategist = (await addMember(owner, ws, 'strat@example.com', 'strategist')).client;
    creator = (await addMember(owner, ws, 'creator@example.com', 'content_creator')).client;
    client = (await addMember(owner, ws, 'client@example.com', 'client')).client;
    otherWs = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id;
    expect((await put(owner, { charter: { voice: { address: 'tu' } }, baseVersion: 0 }, otherWs)).status).toBe(200);
  });
  afterAll(() => ruche?.stop());

  it('starts empty at version 0, then keeps every version with who saved it and when', async () => {
    const empty = await creator.get(charter(ws));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ charter: EMPTY_CHARTER, version: 0, updatedAt: null, updatedBy: null });

    const first = await put(strategist, { charter: { voice: { address: 'vous' } }, baseVersion: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, updatedBy: { name: 'strat' }, charter: { voice: { address: 'vous' }, emoji: 'free' } });
    expect(Date.parse(first.body.updatedAt)).toBeGreaterThan(0);

    const forbidden = [{ term: 'gratuit', language: 'fr', reason: 'Rien n’est gratuit.', action: 'block' }];
    const second = await put(owner, { charter: { voice: { address: 'vous' }, vocabulary: { forbidden } }, baseVersion: 1 });
    expect(second.body).toMatchObject({ version: 2, updatedBy: { name: 'Olivia Owner' }, charter: { vocabulary: { forbidden } } });

    const list = (await client.get(charter(ws, '/versions'))).body.items;
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.map((v: { updatedBy: { name: string } }) => v.updatedBy.name)).toEqual(['Olivia Owner', 'strat']);

    const v1 = await creator.get(charter(ws, '/versions/1'));
    expect(v1.body).toMatchObject({ version: 1, updatedBy: { name: 'strat' }, charter: { vocabulary: { forbidden: [] } } });
    expect((await creator.get(charter(ws, '/versions/3'))).status).toBe(404);
    expect((await creator.get(charter(ws))).body).toMatchObject({ version: 2, charter: { vocabulary: { forbidden } } });

    const audit = (await owner.get(`/api/v1/workspaces/${ws}/audit`)).body.items.filter((e: { action: string }) => e.action === 'charter.updated');
    expect(audit.map((e: { data: { version: number } }) => e.data.version).sort()).toEqual([1, 2]);
  });

  it('refuses a save made on an older version, and lets one of two saves on the same version in', async () => {
    const now = (await owner.get(charter(ws))).body;
    const stale = await put(strategist, { charter: { emoji: 'none' }, baseVersion: now.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('charter_conflict');
    expect((await owner.get(charter(ws))).body).toEqual(now);

    const both = await Promise.all([
      put(owner, { charter: { emoji: 'none' }, baseVersion: now.version }),
      put(strategist, { charter: { emoji: 'few' }, baseVersion: now.version }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.status === 200)!.body;
    expect((await owner.get(charter(ws))).body).toEqual(winner);
    expect(winner.version).toBe(now.version + 1);
  });

  it('refuses a bad charter with 400 in zod’s words and keeps the one in force', async () => {
    const before = (await owner.get(charter(ws))).body;
    const bad = await put(owner, { charter: { emoji: 'lots' }, baseVersion: before.version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_charter');
    expect(bad.body.error.message).toMatch(/^charter\.emoji: .*"none"/);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'charter.emoji' })]);
    const unknown = await put(owner, { charter: { tone: 'warm' }, baseVersion: before.version });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('tone');
    const missing = await put(owner, { baseVersion: before.version });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ path: 'charter' })]);
    const emptyTerm = await put(owner, { charter: { vocabulary: { forbidden: [{ term: ' ' }] } }, baseVersion: before.version });
    expect(emptyTerm.body.error.details[0].path).toBe('charter.vocabulary.forbidden.0.term');
    expect((await owner.get(charter(ws))).body).toEqual(before);
  });

  it('lets members who keep the charter write it, members who write check against it, and no one else in', async () => {
    const { version } = (await owner.get(charter(ws))).body;
    const byCreator = await put(creator, { charter: {}, baseVersion: version });
    expect(byCreator.status).toBe(403);
    expect((await put(client, { charter: {}, baseVersion: version })).status).toBe(403);
    expect((await owner.get(charter(ws))).body.version).toBe(version);

    const text = { text: 'Bonjour', kind: 'post' };
    expect((await creator.post(charter(ws, '/check'), text)).status).toBe(200);
    expect((await client.get(charter(ws))).status).toBe(200);
    expect((await client.post(charter(ws, '/check'), text)).status).toBe(403);
    expect((await client.get(charter(ws, '/violations'))).status).toBe(403);

    // The strategist belongs to this workspace only: the other one's charter does not exist for them.
    for (const res of [
      await strategist.get(charter(otherWs)),
      await strategist.get(charter(otherWs, '/versions')),
      await strategist.get(charter(otherWs, '/versions/1')),
      await strategist.post(charter(otherWs, '/check'), text),
      await strategist.get(charter(otherWs, '/violations')),
      await put(strategist, { charter: {}, baseVersion: 1 }, otherWs),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await owner.get(charter(otherWs))).body).toMatchObject({ version: 1, charter: { voice: { address: 'tu' } } });
  });
});
