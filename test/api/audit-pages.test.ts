import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';
import { AuditAction, recordAudit } from '../../src/modules/audit/service.js';

describe.each(databases)('audit log pages on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId } = await setupOwner(ruche.url));
    for (let i = 0; i < 120; i++) {
      await recordAudit(ruche.ctx.store.db, { action: AuditAction.publishingPaused, workspaceId, data: { n: i } }, 1_700_000_000_000 + i);
    }
  });
  afterAll(() => ruche?.stop());

  it('walks the whole log with the cursors it hands out, each event once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await owner.get(`/api/v1/workspaces/${workspaceId}/audit${cursor ? `?cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      for (const e of res.body.items) if (e.action === AuditAction.publishingPaused) seen.push(e.data.n);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => 119 - i));
  });
});
