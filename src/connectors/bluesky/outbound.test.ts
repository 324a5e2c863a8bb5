/** A PDS or entryway the guarded fetch refuses: nothing is sent, so nothing is read back or retried. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockedCause } from '../../net/address-guard.js';
import { guardedNetwork, type GuardedNetwork } from '../../../test/connectors/guarded-network.js';
import type { ConnectorError } from '../errors.js';
import { BlueskyConnector, connectBluesky } from './index.js';

const failure = (p: Promise<unknown>) => p.then(() => expect.fail('it went through'), (e: unknown) => e as ConnectorError);
const connector = (pdsUrl: string, fetch: typeof globalThis.fetch) =>
  new BlueskyConnector({
    credentials: { network: 'bluesky', service: pdsUrl, pdsUrl, did: 'did:plc:refused', handle: 'me.test', accessJwt: 'a', refreshJwt: 'r' },
    fetch,
  });

describe('a Bluesky server the guard refuses', () => {
  let net: GuardedNetwork;
  beforeAll(async () => {
    net = await guardedNetwork();
  });
  afterAll(() => net.close());
  afterEach(() => expect(net.hits).toEqual([]));

  it('fails a publish at once, as final, in the guard’s words for the administrator', async () => {
    const err = await failure(connector(net.origin('intranet.example'), net.fetch).publish({ idempotencyKey: 'p1', text: 'Bonjour' }));
    expect(err).toMatchObject({ kind: 'rejected', networkCode: 'blocked_address', retryable: false, action: 'fix' });
    expect(err.message).toMatch(/ALLOW_PRIVATE_NETWORKS=1/);
  });

  it('refuses a connection the same way, and the refusal can still be found behind the error', async () => {
    const err = await failure(connectBluesky({ service: net.origin('intranet.example'), identifier: 'me.test', password: 'app-pass', fetch: net.fetch }));
    expect(err).toMatchObject({ kind: 'rejected', networkCode: 'blocked_address' });
    expect(blockedCause(err)?.message).toBe(err.message);
  });

  it('keeps a resolver that fails for now retryable, without calling the outcome unknown', async () => {
    const err = await failure(connector(net.origin('flaky.example'), net.fetch).publish({ idempotencyKey: 'p2', text: 'Bonjour' }));
    expect(err).toMatchObject({ kind: 'transient', networkCode: 'unreachable', retryable: true });
  });
});
