import { describe, expect, it } from 'vitest';
import { databases } from '../helpers/ruche.js';
import { inSeconds, waitForStatus } from '../helpers/publishing.js';
import { inboxLiveOf } from '../../src/modules/inbound/live-service.js';
import { inboundItem } from './fake-inbound.js';
import { fakeInboundSuite, poll, source, stored, waitFor } from './helpers.js';

describe.each(databases)('inbox streams and analysis on %s', (kind) => {
  const s = fakeInboundSuite(kind);

  it('stores what the stream brings, once beside polling, and records how the account is fed', async () => {
    const account = await s.connect('sia');
    const live = inboxLiveOf(s.ruche.ctx)!;
    s.net.streamFails = 1;
    await live.refresh();
    // The first subscription fails; the service starts it again.
    await waitFor('the stream', async () => s.net.streaming('sia'));
    await waitFor('live recorded', async () => (await source(s.ruche, account))?.live === 'firehose');
    const reply = inboundItem({ text: 'Live reply' }, 'streamer');
    const unsigned = inboundItem({ text: 'Nobody wrote this' }, 'streamer');
    const broken = { ...unsigned, author: undefined } as never;
    await s.net.push('sia', [reply, reply, broken]);
    // The same item reaches the poll too: still one row.
    s.net.add('sia', [reply]);
    await poll(s.ruche, account);
    const items = await stored(s.ruche, account);
    expect(items.map((i) => i.external_id)).toEqual([reply.ref.id]);
    // What the stream could not read is kept with its reason, as a poll's would be.
    const kept = await s.ruche.ctx.store.db.selectFrom('inbox_set_aside').select(['source', 'external_id']).where('account_id', '=', account).execute();
    expect(kept).toEqual([{ source: 'notifications', external_id: unsigned.ref.id }]);

    // A disconnected account's stream ends at the next refresh, and the row says it is no longer live.
    await s.ruche.ctx.store.db.updateTable('social_accounts').set({ status: 'disconnected' }).where('id', '=', account).execute();
    await live.refresh();
    expect(s.net.streaming('sia')).toBe(false);
    expect((await source(s.ruche, account))?.live).toBeNull();
  });

  it('keeps where each account’s stream stopped, and resumes it from there after a restart', async () => {
    const account = await s.connect('ria');
    const live = inboxLiveOf(s.ruche.ctx)!;
    await live.refresh();
    await waitFor('the stream', async () => s.net.streaming('ria'));
    expect(s.net.streamStarts.filter((x) => x.account === 'ria')).toEqual([{ account: 'ria', resumeFrom: null }]);
    await s.net.position('ria', '4821');
    expect((await source(s.ruche, account))?.stream_cursor).toBe('4821');
    // The worker stops and another starts (a restart): the stream asks for what came after 4821.
    await live.stop();
    expect(s.net.streaming('ria')).toBe(false);
    const { createInboxLive } = await import('../../src/modules/inbound/live-service.js');
    const restarted = createInboxLive(s.ruche.ctx);
    await restarted.start();
    try {
      await waitFor('the stream again', async () => s.net.streaming('ria'));
      expect(s.net.streamStarts.filter((x) => x.account === 'ria').at(-1)).toEqual({ account: 'ria', resumeFrom: '4821' });
      // Another account's position is its own.
      expect((await source(s.ruche, await s.connect('rob')))?.stream_cursor ?? null).toBeNull();
    } finally {
      await restarted.stop();
      await live.start();
    }
  });

  it('leaves an account to polling when its network refuses the stream for good, instead of retrying it', async () => {
    s.net.streamRefusal = 'rejected';
    try {
      const account = await s.connect('noam');
      const live = inboxLiveOf(s.ruche.ctx)!;
      const before = s.net.streamAttempts;
      await live.refresh();
      await waitFor('the refused attempt', async () => s.net.streamAttempts > before && !live.streaming().includes(account));
      await live.refresh();
      await live.refresh();
      expect(s.net.streamAttempts).toBe(before + 1);
      expect((await source(s.ruche, account))?.live).toBeNull();
      // Polling still brings its items.
      s.net.add('noam', [inboundItem({ text: 'Polled anyway' }, 'poller')]);
      await poll(s.ruche, account);
      expect((await stored(s.ruche, account)).map((i) => i.text)).toEqual(['Polled anyway']);
    } finally {
      s.net.streamRefusal = null;
    }
  });

  it('analyses each item: toxicity, risk, complaint, language, with the reasons', async () => {
    const account = await s.connect('tia');
    const toxic = inboundItem({ text: 'You are a worthless idiot and I will kill you' }, 'troll');
    const complaint = inboundItem({ text: "Ma commande n'est jamais arrivée, service client nul, remboursez-moi", languages: ['fr'] }, 'client');
    const kind = inboundItem({ text: 'Thanks, love this!' }, 'friend');
    s.net.add('tia', [toxic, complaint, kind]);
    await poll(s.ruche, account);
    const items = new Map((await stored(s.ruche, account)).map((i) => [i.external_id, i]));
    const t = items.get(toxic.ref.id)!;
    expect(t.toxicity).toBeGreaterThan(0.7);
    expect(t.risk).toBeGreaterThan(0.7);
    expect(t.toxicity_category).not.toBeNull();
    expect(t.language).toBe('en');
    expect(t.sentiment).toBe('negative');
    expect(JSON.parse(t.analysis).reasons.length).toBeGreaterThan(0);
    const c = items.get(complaint.ref.id)!;
    expect(c.complaint).toBe(1);
    expect(c.language).toBe('fr');
    const k = items.get(kind.ref.id)!;
    expect(k.toxicity_category).toBeNull();
    expect(k.sentiment).toBe('positive');
    // Riskiest first puts the threat on top and the thanks at the bottom.
    expect(t.risk).toBeGreaterThan(c.risk);
    expect(c.risk).toBeGreaterThan(k.risk);
    expect(t.status).toBe('open');
    const author = await s.ruche.ctx.store.db.selectFrom('inbox_authors').selectAll().where('id', '=', t.author_id).executeTakeFirstOrThrow();
    expect(author).toMatchObject({ handle: 'troll.test', followers: 10, avatar_url: 'https://cdn.test/troll.jpg', item_count: 1 });
  });

  it('links a reply to the post of ours it answers, and keeps the thread together', async () => {
    const account = await s.connect('una');
    const created = await s.owner.post(`/api/v1/workspaces/${s.ws}/posts`, { body: 'Our launch', accountIds: [account], scheduledAt: inSeconds(2) });
    await s.owner.post(`/api/v1/workspaces/${s.ws}/posts/${created.body.id}/submit`);
    expect((await waitForStatus(s.owner, s.ws, created.body.id, ['published', 'failed'])).status).toBe('published');
    const target = await s.ruche.ctx.store.db.selectFrom('post_targets').select('external_id').where('post_id', '=', created.body.id).executeTakeFirstOrThrow();
    const ours = { id: target.external_id!, cid: 'ourcid' };
    const reply = inboundItem({ text: 'Congrats on the launch', parent: ours, root: ours }, 'fan1');
    const deeper = inboundItem({ text: 'Agreed', parent: reply.ref, root: ours }, 'fan2');
    const elsewhere = inboundItem({ text: 'Unrelated mention', kind: 'mention' }, 'fan3');
    const dm = inboundItem({ text: 'Hello in private', kind: 'message', conversationId: 'convo-1' }, 'fan4');
    s.net.add('una', [reply, deeper, elsewhere]);
    s.net.add('una', [dm], 'messages');
    await poll(s.ruche, account);
    await poll(s.ruche, account, 'messages');
    const items = new Map((await stored(s.ruche, account)).map((i) => [i.external_id, i]));
    expect(items.get(reply.ref.id)).toMatchObject({ post_id: created.body.id, thread_key: ours.id, parent_external_id: ours.id, root_cid: 'ourcid' });
    expect(items.get(deeper.ref.id)).toMatchObject({ post_id: created.body.id, thread_key: ours.id });
    expect(items.get(elsewhere.ref.id)).toMatchObject({ post_id: null, thread_key: elsewhere.ref.id, kind: 'mention' });
    expect(items.get(dm.ref.id)).toMatchObject({ thread_key: 'convo-1', kind: 'message' });
  });

  it('holds one stream per account in a cluster: a second process without the lease runs none', async () => {
    const account = await s.connect('vic');
    const live = inboxLiveOf(s.ruche.ctx)!;
    await live.refresh();
    await waitFor('the stream', async () => s.net.streaming('vic'));
    const { createInboxLive } = await import('../../src/modules/inbound/live-service.js');
    const other = createInboxLive(s.ruche.ctx, { holderId: 'another-process' });
    await other.start();
    try {
      expect(other.isLeader()).toBe(false);
      expect(other.streaming()).toEqual([]);
      expect(live.streaming()).toContain(account);
    } finally {
      await other.stop();
    }
  });
});
