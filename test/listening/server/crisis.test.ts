/**
 * Crisis mode on each database: a room opened from an alert pauses the workspace's publishing (the publishing API
 * shows it), drafts the holding statement from a saved reply, logs what happens, and on closing resumes what it
 * paused — never a pause someone else made. A closed room is kept as it was; only crisis managers act in it.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../../helpers/client.js';
import { addTopic, listeningPath } from './setup.js';

describe.each(databases)('crisis rooms on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let cm: TestClient;
  let analyst: TestClient;
  let ws: string;
  let topicId: string;
  const publishing = async () => (await owner.get(`/api/v1/workspaces/${ws}/publishing`)).body.paused as boolean;

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    cm = (await addMember(owner, ws, 'cm@example.com', 'community_manager')).client;
    analyst = (await addMember(owner, ws, 'analyst@example.com', 'analyst')).client;
    topicId = (await addTopic(owner, ws, { name: 'Acme', query: 'acme' })).id;
  });
  afterAll(() => ruche?.stop());

  /** An alert as the radar records it (raising one is the alerts test's subject). */
  const alert = async () => {
    const id = crypto.randomUUID();
    const now = ruche.ctx.clock.now();
    await ruche.ctx.store.db.insertInto('listening_alerts').values({
      id, workspace_id: ws, topic_id: topicId, kind: 'volume_spike', score: 9, observed: 120, expected: 10, window_start: now - 900_000, window_end: now,
      evidence: JSON.stringify({ curve: [], rising: [{ term: '#recall', recent: 30, baseline: 0, score: 5 }], mentionIds: [], spread: 2 }),
      acknowledged_by: null, acknowledged_at: null, crisis_id: null, created_at: now,
    }).execute();
    return id;
  };

  it('opens a room from an alert, pausing publishing, logs notes and the statement, and resumes on closing', async () => {
    const alertId = await alert();
    const saved = await cm.post(`/api/v1/workspaces/${ws}/inbox/saved-replies`, { title: 'Holding', body: 'We are looking into it and will update you shortly.', language: 'en' });
    expect(saved.status).toBe(201);
    expect(await publishing()).toBe(false);

    expect((await analyst.post(listeningPath(ws, '/crises'), { alertId, title: 'No', pausePublishing: true })).status).toBe(403);
    const opened = await cm.post(listeningPath(ws, '/crises'), { alertId, title: 'Recall rumour', pausePublishing: true, savedReplyId: saved.body.id });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ title: 'Recall rumour', status: 'open', alertId, pausedPublishing: true, holdingStatement: 'We are looking into it and will update you shortly.', openedBy: { name: 'cm' }, closedAt: null });
    const id = opened.body.id;
    expect(await publishing()).toBe(true);
    expect((await cm.post(listeningPath(ws, '/crises'), { alertId, title: 'Again', pausePublishing: false })).status).toBe(409);
    expect((await owner.get(listeningPath(ws, `/alerts/${alertId}`))).body).toMatchObject({ status: 'crisis', crisisId: id });

    const note = await cm.post(listeningPath(ws, `/crises/${id}/log`), { body: 'Called the press office' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', body: 'Called the press office', user: { name: 'cm' } });
    expect((await analyst.post(listeningPath(ws, `/crises/${id}/log`), { body: 'Not mine' })).status).toBe(403);
    const statement = await cm.patch(listeningPath(ws, `/crises/${id}`), { holdingStatement: 'We have found the cause and are fixing it.' });
    expect(statement.body.holdingStatement).toBe('We have found the cause and are fixing it.');

    const room = (await analyst.get(listeningPath(ws, `/crises/${id}`))).body;
    expect(room.log.map((e: { kind: string }) => e.kind).sort()).toEqual(['alert', 'note', 'opened', 'paused', 'statement', 'statement'].sort());
    expect(room.log.filter((e: { kind: string }) => e.kind === 'statement').map((e: { body: string }) => e.body).sort())
      .toEqual(['We are looking into it and will update you shortly.', 'We have found the cause and are fixing it.'].sort());
    expect(room).toMatchObject({ publishingPaused: true, alert: { id: alertId, rising: [{ term: '#recall' }] } });

    expect((await analyst.post(listeningPath(ws, `/crises/${id}/close`), { resumePublishing: true })).status).toBe(403);
    const closed = await cm.post(listeningPath(ws, `/crises/${id}/close`), { resumePublishing: true, summary: 'A false rumour' });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.closedAt).not.toBeNull();
    expect(await publishing()).toBe(false);
    const log = (await cm.get(listeningPath(ws, `/crises/${id}`))).body.log.map((e: { kind: string; body: string }) => [e.kind, e.body]);
    expect(log).toEqual(expect.arrayContaining([['resumed', ''], ['closed', 'A false rumour']]));

    for (const res of [
      await cm.post(listeningPath(ws, `/crises/${id}/log`), { body: 'Too late' }),
      await cm.patch(listeningPath(ws, `/crises/${id}`), { holdingStatement: 'Changed' }),
      await cm.post(listeningPath(ws, `/crises/${id}/close`), { resumePublishing: false }),
    ]) expect(res.body.error.code).toBe('crisis_closed');
    expect((await cm.get(listeningPath(ws, `/crises/${id}`))).body.holdingStatement).toBe('We have found the cause and are fixing it.');
    expect((await cm.get(listeningPath(ws, '/crises'))).body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('leaves a pause it did not make to whoever made it', async () => {
    expect((await owner.post(`/api/v1/workspaces/${ws}/publishing/pause`)).status).toBe(200);
    const opened = await cm.post(listeningPath(ws, '/crises'), { title: 'Second', pausePublishing: true });
    expect(opened.body).toMatchObject({ pausedPublishing: false, alertId: null });
    await cm.post(listeningPath(ws, `/crises/${opened.body.id}/close`), { resumePublishing: true });
    expect(await publishing()).toBe(true);
    const kinds = (await cm.get(listeningPath(ws, `/crises/${opened.body.id}`))).body.log.map((e: { kind: string }) => e.kind);
    expect(kinds).not.toContain('resumed');
    expect((await owner.post(`/api/v1/workspaces/${ws}/publishing/resume`, { overdue: 'publish_now' })).status).toBe(200);
  });
});
