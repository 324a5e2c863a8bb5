import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner } from '../helpers/client.js';
import { NOTIFICATIONS_PURGE } from '../../src/modules/notifications/job-names.js';

const DAY = 86400_000;

describe.each(databases)('notification housekeeping on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
  });
  afterAll(() => ruche?.stop());

  it('drops old read notifications, very old ones, those of people who left and about deleted posts; keeps the rest', async () => {
    const { client, workspaceId, userId } = await setupOwner(ruche.url);
    const kept = await client.post(`/api/v1/workspaces/${workspaceId}/posts`, { body: 'Still here', accountIds: [] });
    const { db } = ruche.ctx.store;
    const now = Date.now();
    const row = (name: string, fields: { user?: string; created: number; read?: number | null; inApp?: number; post?: string }) => ({
      id: crypto.randomUUID(), workspace_id: workspaceId, user_id: fields.user ?? userId, kind: 'comment.mention', params: JSON.stringify({ name }),
      object_type: fields.post ? 'post' : 'account', object_id: fields.post ?? name, actor_id: null, dedupe_key: null, in_app: fields.inApp ?? 1, email: 0, emailed_at: null,
      read_at: fields.read ?? null, created_at: fields.created,
    });
    await db.insertInto('notifications').values([
      row('fresh-unread', { created: now - DAY }),
      row('read-recently', { created: now - 100 * DAY, read: now - 10 * DAY }),
      row('unread-for-months', { created: now - 200 * DAY }),
      row('read-long-ago', { created: now - 200 * DAY, read: now - 120 * DAY }),
      row('over-a-year', { created: now - 400 * DAY }),
      row('mail-only-sent', { created: now - 8 * DAY, inApp: 0 }),
      row('of-someone-who-left', { user: 'a-former-member', created: now - DAY }),
      row('about-a-post', { created: now - DAY, post: kept.body.id }),
      row('about-a-deleted-post', { created: now - DAY, post: 'deleted-post' }),
    ]).execute();

    const { id } = await ruche.ctx.jobs.queue.enqueue(NOTIFICATIONS_PURGE, {});
    let job = await ruche.ctx.jobs.queue.get(id);
    for (let i = 0; i < 100 && job?.status !== 'succeeded' && job?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await ruche.ctx.jobs.queue.get(id);
    }
    expect(job?.status).toBe('succeeded');
    const left = await db.selectFrom('notifications').select('params').where('workspace_id', '=', workspaceId).execute();
    expect(left.map((r) => JSON.parse(r.params).name).sort()).toEqual(['about-a-post', 'fresh-unread', 'read-recently', 'unread-for-months']);
  });
});
