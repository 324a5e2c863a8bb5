import { describe, expect, it } from 'vitest';
import { ConnectorError, CONNECTOR_ERROR_KINDS, connectorFor, countText, NETWORKS, networksWith, requireCapability } from './index.js';

describe('connector registry', () => {
  it('describes every network with its capabilities and limits', () => {
    expect(Object.keys(NETWORKS).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'pinterest', 'x', 'youtube']);
    expect(NETWORKS.bluesky.limits.text.max).toBe(300);
    expect(NETWORKS.mastodon.limits.text).toMatchObject({ max: 500, urlWeight: 23 });
    expect(networksWith('readMessages').map((n) => n.id).sort()).toEqual(['facebook', 'instagram', 'mastodon']);
    expect(networksWith('publish').map((n) => n.id).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'pinterest', 'x', 'youtube']);
    // Networks that take no post without media say so, for the composer to warn before scheduling.
    expect(['instagram', 'pinterest', 'youtube'].every((n) => NETWORKS[n as 'instagram'].limits.media.required)).toBe(true);
  });

  it('counts text per network for the composer', () => {
    const url = `https://example.com/${'x'.repeat(100)}`;
    expect(countText('bluesky', `👩‍👩‍👧 ${url}`)).toEqual({ used: 2 + url.length, max: 300 });
    expect(countText('mastodon', `👩‍👩‍👧 ${url}`)).toEqual({ used: 2 + 23, max: 500 });
  });

  it('builds a connector by network name, and refuses unknown networks and unreadable credentials', () => {
    expect(() => connectorFor('myspace', { credentials: {} })).toThrow(ConnectorError);
    const bad = (() => {
      try {
        connectorFor('mastodon', { credentials: { network: 'mastodon' } });
      } catch (e) {
        return e;
      }
    })();
    expect(bad).toMatchObject({ kind: 'auth_expired', action: 'reconnect' });
    const c = connectorFor('mastodon', { credentials: { network: 'mastodon', instanceUrl: 'https://m.example', accessToken: 't', accountId: '1' } });
    expect(c.network).toBe('mastodon');
  });

  it('hands out a method only for a declared capability', () => {
    const bluesky = connectorFor('bluesky', {
      credentials: { network: 'bluesky', service: 'https://pds.example', pdsUrl: 'https://pds.example', did: 'did:plc:x', handle: 'x.test', accessJwt: 'a', refreshJwt: 'r' },
    });
    expect(typeof requireCapability(bluesky, 'blockAuthor', 'blockAuthor')).toBe('function');
    // Bluesky's chat is a separate service: direct messages are not read there.
    expect(() => requireCapability(bluesky, 'readMessages', 'readMessages')).toThrow(/does not support readMessages/);
  });

  it('derives retry from the kind alone', () => {
    const retryable = CONNECTOR_ERROR_KINDS.filter((k) => new ConnectorError('x', k, 'm').retryable);
    expect(retryable).toEqual(['rate_limited', 'transient']);
    expect(new ConnectorError('x', 'rate_limited', 'm', { retryAfterMs: 1234 }).retryAfterMs).toBe(1234);
    expect(new ConnectorError('x', 'transient', 'm', { retryAfterMs: 1234 }).retryAfterMs).toBeUndefined();
  });
});
