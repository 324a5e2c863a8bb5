import { describe, expect, it } from 'vitest';
import { databases } from '../helpers/ruche.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { inboundStats } from '../../src/modules/inbound/stats.js';
import { inboundItem } from './fake-inbound.js';
import { backfilled, fakeInboundSuite, poll, pollAll, source, stored, waitFor, waitForJob } from './helpers.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

describe.each(databases)('inbox polling on %s', (kind) => {
  const s = fakeInboundSuite(kind);

  it('backfills the last 7 days on connect, with progress up to 1', async () => {
    const inWindow = Array.from({ length: 10 }, (_, i) => inboundItem({ text: `Question ${i}`, createdAt: hoursAgo(160 - i * 15) }));
    const tooOld = [inboundItem({ text: 'Last month', createdAt: hoursAgo(24 * 9) })];
    s.net.add('ada', [...tooOld, ...inWindow]);
    const account = await connectLocalAccount(s.ruche, s.ws, s.userId, 'ada');
    const job = await backfilled(s.ruche, account);
    expect(job.status).toBe('succeeded');
    expect(job.progress).toEqual({ done: 100, total: 100 });
    // Shown in the workspace's background work, with its bar.
    expect(job.workspaceId).toBe(s.ws);
    const row = await source(s.ruche, account);
    expect(row?.backfill_progress).toBe(1);
    expect(row?.backfill_done_at).not.toBeNull();
    const items = await stored(s.ruche, account);
    expect(items.map((i) => i.text).sort()).toEqual(inWindow.map((i) => i.text).sort());
  });

  it('goes on in a follow-up when the walk is longer than one run', async () => {
    const many = Array.from({ length: 90 }, (_, i) => inboundItem({ text: `Backlog ${i}`, createdAt: hoursAgo(150 - i) }, 'backlog'));
    s.net.add('hal', many);
    const account = await connectLocalAccount(s.ruche, s.ws, s.userId, 'hal');
    const first = await backfilled(s.ruche, account);
    expect(first.result).toMatchObject({ pages: 25, more: true });
    const next = await waitFor('the follow-up', () =>
      s.ruche.ctx.store.db.selectFrom('jobs').select('id').where('idempotency_key', '=', `inbox-poll:${account}:notifications:after:${first.id}`).executeTakeFirst(),
    );
    expect((await waitForJob(s.ruche, next.id)).status).toBe('succeeded');
    expect((await source(s.ruche, account))?.backfill_progress).toBe(1);
    expect((await stored(s.ruche, account)).map((i) => i.external_id).sort()).toEqual(many.map((i) => i.ref.id).sort());
  });

  it('stores every item once across polls, overlapping pages and repeated items', async () => {
    const account = await s.connect('bea');
    s.net.overlap = true;
    try {
      const first = Array.from({ length: 7 }, (_, i) => inboundItem({ text: `First wave ${i}` }, `wave${i % 3}`));
      // The network lists one of them twice.
      s.net.add('bea', [...first, first[2]]);
      expect((await poll(s.ruche, account)).status).toBe('succeeded');
      const second = Array.from({ length: 5 }, (_, i) => inboundItem({ text: `Second wave ${i}` }, `wave${i % 3}`));
      s.net.add('bea', second);
      await poll(s.ruche, account);
      await poll(s.ruche, account);
      const items = await stored(s.ruche, account);
      const ids = items.map((i) => i.external_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...first, ...second].map((i) => i.ref.id).sort());
      // Each author counted their items once.
      const authors = await s.ruche.ctx.store.db.selectFrom('inbox_authors').select(['handle', 'item_count']).where('workspace_id', '=', s.ws).where('handle', 'like', 'wave%').execute();
      const expected = new Map<string, number>();
      for (const i of [...first, ...second]) expected.set(i.author.handle, (expected.get(i.author.handle) ?? 0) + 1);
      expect(Object.fromEntries(authors.map((a) => [a.handle, a.item_count]))).toEqual(Object.fromEntries(expected));
    } finally {
      s.net.overlap = false;
    }
  });

  it('resumes a poll that failed half-way from the last stored page', async () => {
    const account = await s.connect('cyd');
    const items = Array.from({ length: 10 }, (_, i) => inboundItem({ text: `Wave ${i}` }, 'cydfan'));
    s.net.add('cyd', items);
    const before = s.net.reads.length;
    // Pages 1 and 2 are read and stored, then the network fails: the job ends in error and runs again.
    s.net.failAfter('cyd', 2, 'transient');
    const job = await poll(s.ruche, account);
    expect(job.status).toBe('succeeded');
    expect(job.attempts).toBe(2);
    const reads = s.net.reads.slice(before).filter((r) => r.account === 'cyd');
    const [page1, page2, failed, resumed] = reads;
    expect(failed.cursor).not.toBe(page1.cursor);
    expect(failed.cursor).not.toBe(page2.cursor);
    // The retry starts where the failed read was: after page 2, not at the beginning of the walk.
    expect(resumed.cursor).toBe(failed.cursor);
    const got = await stored(s.ruche, account);
    expect(got.map((i) => i.external_id).sort()).toEqual(items.map((i) => i.ref.id).sort());
  });

  it('counts likes, reposts and follows once however often they are read', async () => {
    const account = await s.connect('dee');
    const day = new Date().toISOString().slice(0, 10);
    s.net.count('dee', [
      { kind: 'like', id: 'like-1', createdAt: new Date().toISOString() },
      { kind: 'like', id: 'like-2', createdAt: new Date().toISOString() },
      { kind: 'like', id: 'like-2', createdAt: new Date().toISOString() },
      { kind: 'repost', id: 'repost-1', createdAt: new Date().toISOString() },
      { kind: 'follow', id: 'follow-1', createdAt: new Date().toISOString() },
    ]);
    await poll(s.ruche, account);
    await poll(s.ruche, account);
    await poll(s.ruche, account);
    const row = await s.ruche.ctx.store.db.selectFrom('inbox_counters').selectAll().where('account_id', '=', account).where('day', '=', day).executeTakeFirst();
    expect({ likes: row?.likes, reposts: row?.reposts, follows: row?.follows }).toEqual({ likes: 2, reposts: 1, follows: 1 });
  });

  it('sets bad items aside and stores the rest of the page', async () => {
    const account = await s.connect('eve');
    const good = inboundItem({ text: 'All good here' }, 'evefan');
    const noId = { ...inboundItem({ text: 'No id' }, 'evefan'), ref: { id: '' } };
    const unsigned = inboundItem({ text: 'Nobody wrote this' });
    const noAuthor = { ...unsigned, author: undefined } as never;
    const junk = inboundItem({ text: 'Broken\u0000 bytes\u0007 and a lone \uD800 surrogate, kept otherwise ‮ok' }, 'evefan');
    const huge = inboundItem({ text: 'x'.repeat(50_000) }, 'evefan');
    const setAsideBefore = inboundStats().setAside;
    s.net.add('eve', [good, noId, noAuthor, junk, huge]);
    expect((await poll(s.ruche, account)).status).toBe('succeeded');
    const items = await stored(s.ruche, account);
    expect(items.map((i) => i.external_id).sort()).toEqual([good, junk, huge].map((i) => i.ref.id).sort());
    expect(items.find((i) => i.external_id === junk.ref.id)?.text).toBe('Broken bytes and a lone \uFFFD surrogate, kept otherwise ‮ok');
    expect(items.find((i) => i.external_id === huge.ref.id)?.text.length).toBe(10_000);
    expect(inboundStats().setAside - setAsideBefore).toBe(2);
    expect((await source(s.ruche, account))?.last_error).toBeNull();
    // Kept with their reason (never their text), once however often the page is read again, and counted where the
    // team sees how the inbox is collected.
    const kept = () => s.ruche.ctx.store.db.selectFrom('inbox_set_aside').select(['source', 'external_id', 'reason']).where('account_id', '=', account).execute();
    expect((await kept()).map((r) => [r.source, r.external_id]).sort()).toEqual([['notifications', null], ['notifications', unsigned.ref.id]].sort());
    expect((await kept()).every((r) => r.reason.length > 0 && !r.reason.includes('Nobody wrote this'))).toBe(true);
    s.net.add('eve', [noAuthor]);
    await poll(s.ruche, account);
    expect(await kept()).toHaveLength(2);
    const sources = (await s.owner.get(`/api/v1/workspaces/${s.ws}/inbox/sources`)).body.items as Array<{ accountId: string; source: string; setAside: number }>;
    expect(sources.filter((x) => x.accountId === account).map((x) => [x.source, x.setAside]).sort()).toEqual([['messages', 0], ['notifications', 2]]);
  });

  it('asks for a reconnect when the network refuses the credentials, and stops', async () => {
    const account = await s.connect('fay');
    s.net.failAfter('fay', 0, 'auth_expired');
    const job = await poll(s.ruche, account);
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({ stopped: 'auth_expired' });
    const row = await s.ruche.ctx.store.db.selectFrom('social_accounts').select(['status']).where('id', '=', account).executeTakeFirstOrThrow();
    expect(row.status).toBe('reconnect');
    expect((await source(s.ruche, account))?.last_error).toContain('auth_expired');
    // An account waiting for its reconnect is not read.
    expect((await poll(s.ruche, account)).result).toEqual({ skipped: 'reconnect' });
  });

  it('waits out a rate limit and goes on', async () => {
    const account = await s.connect('gus');
    s.net.add('gus', [inboundItem({ text: 'After the wait' }, 'gusfan')]);
    s.net.failAfter('gus', 0, 'rate_limited');
    const job = await poll(s.ruche, account);
    expect(job.status).toBe('succeeded');
    expect(job.attempts).toBe(2);
    expect((await stored(s.ruche, account)).map((i) => i.text)).toEqual(['After the wait']);
  });

  it('queues one poll per account and source in each period, however often the task runs', async () => {
    const slot = Math.floor(Date.now() / s.ruche.ctx.config.inboxPollMs);
    await pollAll(s.ruche);
    await pollAll(s.ruche);
    const connected = await s.ruche.ctx.store.db.selectFrom('social_accounts').select('id').where('status', '=', 'connected').execute();
    const jobs = await s.ruche.ctx.store.db.selectFrom('jobs').select('idempotency_key').where('idempotency_key', 'like', `inbox-poll:%:${slot}`).execute();
    expect(jobs.map((j) => j.idempotency_key).sort()).toEqual(connected.flatMap((a) => [`inbox-poll:${a.id}:messages:${slot}`, `inbox-poll:${a.id}:notifications:${slot}`]).sort());
    await waitFor('the queued polls', async () => {
      const left = await s.ruche.ctx.store.db.selectFrom('jobs').select('id').where('idempotency_key', 'like', `inbox-poll:%:${slot}`).where('status', 'in', ['queued', 'running']).execute();
      return left.length === 0;
    });
  });
});
