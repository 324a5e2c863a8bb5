/**
 * Objectives over HTTP on January 2026 in Paris (31 days from 2025-12-31T23:00Z), judged on 16 January at 23:00 UTC,
 * when 16 of the 31 days have gone: sums are projected linearly (value × 31 ÷ 16), rates held at their level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../helpers/ruche.js';
import { addMember, type TestClient } from '../../helpers/client.js';
import { waitForJob } from '../../inbound/helpers.js';
import { OBJECTIVES_CHECK } from '../../../src/modules/analytics/objectives/job-names.js';
import { at, day, topic, topicMinute } from '../figures/fixture.js';
import { analyticsRuche, seedJanuary, type AnalyticsRuche, type January } from './setup.js';

const JANUARY = { periodStart: '2025-12-31T23:00:00Z', periodEnd: '2026-01-31T23:00:00Z' };
const ELAPSED = 16 / 31;

describe.each(databases)('objectives over HTTP on %s', (kind) => {
  let t: AnalyticsRuche;
  let seed: January;
  let path: string;
  let strategist: TestClient;
  let analyst: TestClient;
  let checks = 0;
  const create = (body: Record<string, unknown>) => t.owner.post(path, { ...JANUARY, comparison: 'at_least', ...body });
  const created = async (body: Record<string, unknown>) => {
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  /** The hourly check, queued as its recurring task does, run by the job runner; `later` moves the clock an hour on first. */
  const check = async (later = true) => {
    if (later) t.clock.t += 3600_000;
    const { id } = await t.ruche.ctx.jobs.queue.enqueue(OBJECTIVES_CHECK, {}, { idempotencyKey: `test-objectives-check:${++checks}` });
    const job = await waitForJob(t.ruche, id);
    expect(job.status).toBe('succeeded');
  };
  const warningsAbout = async (c: TestClient, objectiveId: string) => {
    const res = await c.get('/api/v1/notifications?limit=50');
    expect(res.status).toBe(200);
    return res.body.items.filter((n: { kind: string; object: { id: string } }) => n.kind === 'analytics.objective_behind' && n.object.id === objectiveId);
  };

  beforeAll(async () => {
    t = await analyticsRuche(kind, '2026-01-16T23:00:00Z');
    seed = await seedJanuary(t.ruche.ctx.store.db, t.ws);
    path = `/api/v1/workspaces/${t.ws}/analytics/objectives`;
    strategist = (await addMember(t.owner, t.ws, 'strategist@example.com', 'strategist')).client;
    analyst = (await addMember(t.owner, t.ws, 'analyst@example.com', 'analyst')).client;
  }, 60_000);
  afterAll(async () => t?.ruche.stop());

  it('refuses an objective that cannot be measured or met, saying why', async () => {
    const refused = async (body: Record<string, unknown>, code: string, field: string, message?: RegExp) => {
      const res = await create({ name: 'Bad', metric: 'engagement', target: 10, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      const paths = res.body.error.details?.problems?.map((p: { path: string }) => p.path) ?? res.body.error.details.map((p: { path: string }) => p.path);
      expect(paths).toContain(field);
      if (message) expect(res.body.error.message).toMatch(message);
    };
    await refused({ metric: 'engagement_rate', target: 120 }, 'invalid_objective', 'target', /percentage: at most 100/);
    await refused({ metric: 'response_rate', target: 100.5 }, 'invalid_objective', 'target', /percentage/);
    await refused({ metric: 'share_of_voice', target: 30 }, 'invalid_objective', 'topicId', /listening topic/);
    await refused({ metric: 'share_of_voice', target: 30, topicId: 'no-such-topic' }, 'invalid_objective', 'topicId', /No such listening topic/);
    const product = await topic(t.ruche.ctx.store.db, t.ws, 'Hive', 'product');
    await refused({ metric: 'share_of_voice', target: 30, topicId: product }, 'invalid_objective', 'topicId', /brand or competitor/);
    await refused({ network: 'myspace' }, 'invalid_objective', 'network', /No such network/);
    await refused({ network: 'constructor' }, 'invalid_objective', 'network');
    await refused({ accountId: 'no-such-account' }, 'invalid_objective', 'accountId', /No such account/);
    await refused({ target: -5 }, 'invalid_objective', 'target', /never below zero/);
    await refused({ relative: true, target: -100 }, 'invalid_objective', 'target');
    await refused({ periodEnd: '2025-12-01T00:00:00Z' }, 'invalid_objective', 'periodEnd', /end after it starts/);
    await refused({ periodStart: '2025-01-01T00:00:00Z', periodEnd: '2026-02-06T00:00:00Z' }, 'invalid_objective', 'periodEnd', /400 days/);
    await refused({ metric: 'likes_per_cat' }, 'validation_failed', 'metric');
    await refused({ target: 'many' }, 'validation_failed', 'target');
    await refused({ name: '   ' }, 'validation_failed', 'name');
    await refused({ periodStart: 'next monday' }, 'validation_failed', 'periodStart');
    expect((await t.owner.get(path)).body.items).toEqual([]);
  });

  it('projects a sum at its pace so far, and holds a rate at its level', async () => {
    // 16, 5 and 1 engagements so far; p3 and p4 come later in the month.
    const engagement = await created({ name: 'Engagement', metric: 'engagement', target: 40 });
    expect(engagement.progress).toMatchObject({ current: 22, forecastMethod: 'linear', status: 'on_track' });
    expect(engagement.progress.forecast).toBeCloseTo(22 / ELAPSED, 9);
    expect(engagement.progress.elapsed).toBeCloseTo(ELAPSED, 9);

    const gained = await created({ name: 'New followers', metric: 'followers_gained', target: 200 });
    // a: 100 → 150, b: first read at 1000 on the 5th.
    expect(gained.progress).toMatchObject({ current: 50, forecastMethod: 'linear', status: 'behind' });
    expect(gained.progress.forecast).toBeCloseTo(50 / ELAPSED, 9);

    const rate = await created({ name: 'Rate', metric: 'engagement_rate', target: 5 });
    // (16/200 and 1/200 in percent) ÷ 2; p2 has no followers.
    expect(rate.progress).toMatchObject({ current: 4.25, forecast: 4.25, forecastMethod: 'level', status: 'behind' });

    const wait = await created({ name: 'First response', metric: 'first_response_minutes', comparison: 'at_most', target: 60 });
    expect(wait.progress).toMatchObject({ current: 30, forecast: 30, forecastMethod: 'level', status: 'on_track' });

    const voice = await created({ name: 'Voice', metric: 'share_of_voice', topicId: seed.brand, target: 30 });
    expect(voice.progress).toMatchObject({ current: 75, forecast: 75, forecastMethod: 'level', status: 'on_track' });

    const mastodon = await created({ name: 'Mastodon posts', metric: 'posts_published', network: 'mastodon', target: 1 });
    expect(mastodon.progress).toMatchObject({ current: 0, forecast: 0, status: 'behind' });
    const account = await created({ name: 'a’s posts', metric: 'posts_published', accountId: seed.a, target: 4 });
    expect(account.progress).toMatchObject({ current: 2 + 1, status: 'on_track' });
    expect(account.progress.forecast).toBeCloseTo(3 / ELAPSED, 9);

    const future = await created({ name: 'February', metric: 'engagement', target: 10, periodStart: '2026-01-31T23:00:00Z', periodEnd: '2026-02-28T23:00:00Z' });
    expect(future.progress).toMatchObject({ current: null, forecast: null, elapsed: 0, status: 'pending' });
  });

  it('counts a topic’s own mentions when one is chosen, every mention otherwise', async () => {
    const db = t.ruche.ctx.store.db;
    await topicMinute(db, seed.rival, '2026-01-10T08:00:00Z', 6, { negative: 1, positive: 4 });
    // After now: not counted yet.
    await topicMinute(db, seed.rival, '2026-01-20T08:00:00Z', 50, { positive: 50 });
    const rival = await created({ name: 'Rival mentions', metric: 'mentions', topicId: seed.rival, target: 40 });
    expect(rival.progress).toMatchObject({ current: 16, forecastMethod: 'linear', status: 'behind' });
    expect(rival.progress.forecast).toBeCloseTo(16 / ELAPSED, 9);
    const all = await created({ name: 'All mentions', metric: 'mentions', target: 2 });
    expect(all.progress.current).toBe(2);
    const positive = await created({ name: 'Rival positive', metric: 'positive_share', topicId: seed.rival, comparison: 'at_most', target: 30 });
    expect(positive.progress).toMatchObject({ current: 25, forecast: 25, forecastMethod: 'level', status: 'on_track' });
    const voice = await created({ name: 'Rival voice', metric: 'share_of_voice', topicId: seed.rival, comparison: 'at_most', target: 30 });
    expect(voice.progress.current).toBeCloseTo((16 / 46) * 100, 9);
  });

  it('measures a relative target against the period just before', async () => {
    // December: one post, 5 engagements at 5 % of 100 followers.
    const sum = await created({ name: '+15 % engagement', metric: 'engagement', relative: true, target: 15 });
    expect(sum.relative).toBe(true);
    expect(sum.progress.current).toBeCloseTo(((22 / ELAPSED - 5) / 5) * 100, 9);
    expect(sum.progress.status).toBe('on_track');
    const rate = await created({ name: '+15 % rate', metric: 'engagement_rate', relative: true, target: 15 });
    expect(rate.progress.current).toBeCloseTo(((4.25 - 5) / 5) * 100, 9);
    expect(rate.progress).toMatchObject({ forecastMethod: 'level', status: 'behind' });
    const listed = (await t.owner.get(path)).body.items.find((o: { id: string }) => o.id === rate.id);
    expect(listed.progress.current).toBeCloseTo(-15, 9);
  });

  it('judges an objective afresh once changed, and archives it when removed', async () => {
    const o = await created({ name: 'Engagement 2', metric: 'engagement', target: 40 });
    expect(o.progress.status).toBe('on_track');
    const raised = await t.owner.patch(`${path}/${o.id}`, { target: 50 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ id: o.id, name: 'Engagement 2', target: 50, progress: { status: 'behind' } });
    const lowered = await t.owner.patch(`${path}/${o.id}`, { comparison: 'at_most' });
    expect(lowered.body.progress.status).toBe('on_track');
    const bad = await t.owner.patch(`${path}/${o.id}`, { metric: 'engagement_rate', target: 500 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/percentage/);
    expect((await t.owner.get(path)).body.items.find((x: { id: string }) => x.id === o.id)).toMatchObject({ metric: 'engagement', target: 50 });

    expect((await t.owner.delete(`${path}/${o.id}`)).status).toBe(204);
    expect((await t.owner.get(path)).body.items.map((x: { id: string }) => x.id)).not.toContain(o.id);
    expect((await t.owner.patch(`${path}/${o.id}`, { target: 1 })).status).toBe(404);
    expect((await t.owner.delete(`${path}/${o.id}`)).status).toBe(404);
    const row = await t.ruche.ctx.store.db.selectFrom('analytics_objectives').select(['archived_at', 'target']).where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row.archived_at).not.toBeNull();
    expect(Number(row.target)).toBe(50);
  });

  it('warns the members who manage objectives once when one falls behind, and again after it recovered and fell again', async () => {
    const db = t.ruche.ctx.store.db;
    const o = await created({ name: 'Followers to win', metric: 'followers_gained', target: 150 });
    expect(o.progress.status).toBe('behind');
    await check(false);
    const first = await warningsAbout(t.owner, o.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ workspaceId: t.ws, object: { type: 'objective', id: o.id }, params: { name: 'Followers to win', metric: 'followers_gained', target: '150' } });
    expect(first[0].params.forecast).toBe(String(Math.round((50 / ELAPSED) * 10) / 10));
    expect(await warningsAbout(strategist, o.id)).toHaveLength(1);
    expect(await warningsAbout(analyst, o.id)).toHaveLength(0);

    await check();
    expect(await warningsAbout(t.owner, o.id)).toHaveLength(1);

    // a gains 100 more followers on the 16th: 150 gained so far, on track.
    await day(db, t.ws, seed.a, '2026-01-16', { followers: 250 });
    await check();
    expect((await t.owner.get(path)).body.items.find((x: { id: string }) => x.id === o.id).progress.status).toBe('on_track');
    expect(await warningsAbout(t.owner, o.id)).toHaveLength(1);

    // Then loses them again.
    await db.updateTable('analytics_account_days').set({ followers: 120 }).where('account_id', '=', seed.a).where('day', '=', '2026-01-16').execute();
    await check();
    expect(await warningsAbout(t.owner, o.id)).toHaveLength(2);
    expect(await warningsAbout(strategist, o.id)).toHaveLength(2);
    await check();
    expect(await warningsAbout(t.owner, o.id)).toHaveLength(2);
  });

  it('waits for a tenth of the period to have passed before warning', async () => {
    const start = t.clock.t - 3600_000;
    const o = await created({ name: 'Ten days', metric: 'engagement', target: 1000, periodStart: new Date(start).toISOString(), periodEnd: new Date(start + 10 * 86400_000).toISOString() });
    expect(o.progress.status).toBe('behind');
    await check(false);
    expect(await warningsAbout(t.owner, o.id)).toHaveLength(0);
    t.clock.t = start + 86400_000 + 3600_000;
    await check(false);
    expect(await warningsAbout(t.owner, o.id)).toHaveLength(1);
  });

  it('says met or missed once the period is over', async () => {
    t.clock.t = at('2026-02-01T10:00:00Z');
    const items = (await t.owner.get(path)).body.items as { name: string; progress: { status: string; current: number; elapsed: number } }[];
    const byName = Object.fromEntries(items.map((o) => [o.name, o.progress]));
    // The whole of January: 62 engagements.
    expect(byName.Engagement).toMatchObject({ current: 62, elapsed: 1, status: 'met' });
    expect(byName['Mastodon posts']).toMatchObject({ current: 2, status: 'met' });
    expect(byName.February!.status).toBe('behind');
  });
});
