/**
 * Mastodon's streaming API (server-sent events) against test/connectors/mastodon-fake.ts: no Mastodon server
 * installs here, so the fake follows the documented streaming API (GET /api/v1/streaming/user/notification with
 * the token, `notification` events, `:thump` heartbeats, the address from configuration.urls.streaming), and its
 * `noStreaming` quirk (part of the Hollo preset) is a server without it. Calls go through the app's guarded fetch
 * in its streaming mode, as in production (private addresses allowed, the fake being on loopback).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MastodonFake } from '../../../test/connectors/mastodon-fake.js';
import type { FakeAccount } from '../../../test/connectors/mastodon-fake-state.js';
import { createGuardedFetch, type GuardedFetch } from '../../net/guarded-fetch.js';
import type { InboundItem } from '../types.js';
import { MastodonConnector } from './index.js';

const clients: GuardedFetch[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function connect(fake: MastodonFake, me: FakeAccount, idleTimeoutMs = 2000) {
  const fetch = createGuardedFetch({ allowPrivateNetworks: true });
  clients.push(fetch);
  const connector = new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id }, fetch });
  connector.streamOptions = { idleTimeoutMs, maxEventBytes: 64 * 1024, minDelayMs: 20, maxDelayMs: 200 };
  return connector;
}

/** Runs the stream until stopped, collecting what it delivers. */
function listen(connector: MastodonConnector) {
  const items: InboundItem[] = [];
  const errors: unknown[] = [];
  const modes: string[] = [];
  const stop = new AbortController();
  const waiters: (() => void)[] = [];
  const done = connector.streamInbox({
    items: async (got) => {
      items.push(...got);
      waiters.splice(0).forEach((w) => w());
    },
    live: (mode) => {
      modes.push(mode);
      waiters.splice(0).forEach((w) => w());
    },
    error: (err) => void errors.push(err),
  }, stop.signal);
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { items, errors, modes, until, stop: async () => {
    stop.abort();
    await done;
  }, done };
}

describe('mastodon streaming', () => {
  let fake: MastodonFake;
  let fan: FakeAccount;
  beforeAll(async () => {
    fake = await new MastodonFake().start();
    fan = fake.createAccount('fan');
  });
  afterAll(() => fake.close());

  it('delivers a mention and a reply as they happen, and stops when asked', async () => {
    const me = fake.createAccount('live1');
    const s = listen(connect(fake, me));
    await s.until(() => s.modes.length === 1);
    expect(s.modes).toEqual(['streaming']);
    const ours = fake.postAs(me, 'Bonjour');
    const mention = fake.mentionAs(fan, me, 'coucou');
    fake.favouriteAs(fan, ours.id);
    const reply = fake.replyAs(fan, ours.id, 'Bonne journée');
    await s.until(() => s.items.length === 2);
    expect(s.items.map((i) => [i.kind, i.ref.id])).toEqual([['mention', mention.id], ['reply', reply.id]]);
    expect(s.items[1]).toMatchObject({ parent: { id: ours.id }, root: { id: ours.id }, context: [{ ref: { id: ours.id } }] });
    await s.stop();
    await vi.waitFor(() => expect(fake.openStreams).toBe(0));
  });

  it('connects again after the server drops the stream, or after it goes silent', async () => {
    const me = fake.createAccount('live2');
    const saved = fake.heartbeatMs;
    fake.heartbeatMs = 60_000;
    const s = listen(connect(fake, me, 300));
    try {
      await s.until(() => s.modes.length === 1);
      fake.dropStreams();
      await s.until(() => s.modes.length === 2);
      const first = fake.mentionAs(fan, me, 'après la coupure');
      await s.until(() => s.items.length === 1);
      // No heartbeat: the idle timeout cuts the stream and it opens again.
      await s.until(() => s.modes.length === 3);
      const second = fake.mentionAs(fan, me, 'après le silence');
      await s.until(() => s.items.length === 2);
      expect(s.items.map((i) => i.ref.id)).toEqual([first.id, second.id]);
      expect(s.errors.length).toBeGreaterThanOrEqual(2);
      expect(s.errors.some((e) => (e as Error).message.match(/closed|failed/))).toBe(true);
    } finally {
      fake.heartbeatMs = saved;
      await s.stop();
    }
  });

  it('passes over events it cannot read and keeps going; refuses an event over the cap', async () => {
    const me = fake.createAccount('live3');
    const s = listen(connect(fake, me));
    try {
      await s.until(() => s.modes.length === 1);
      fake.streamRaw('event: notification\ndata: {not json\n\nevent: update\ndata: {}\n\n');
      fake.streamRaw(`event: notification\ndata: ${'x'.repeat(70 * 1024)}\n\n`);
      await s.until(() => s.modes.length === 2);
      const mention = fake.mentionAs(fan, me, 'toujours là');
      await s.until(() => s.items.length === 1);
      expect(s.items[0].ref.id).toBe(mention.id);
    } finally {
      await s.stop();
    }
  });

  it('says at once that a revoked token must be reconnected', async () => {
    const me = fake.createAccount('live4');
    const connector = connect(fake, me);
    fake.revoke(me.token);
    await expect(listen(connector).done).rejects.toMatchObject({ kind: 'auth_expired' });
  });
});

describe('a Mastodon-compatible server without streaming (the Hollo preset)', () => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks: 'hollo' }).start();
  });
  afterAll(() => fake.close());

  it('ends the subscription with a clear error, so the inbox is polled', async () => {
    const me = fake.createAccount('nolive');
    const err = await listen(connect(fake, me)).done.catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ConnectorError', kind: 'rejected', networkCode: 'no_streaming', message: expect.stringMatching(/no streaming API/) });
  });
});
