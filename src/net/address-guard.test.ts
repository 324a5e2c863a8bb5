import { describe, expect, it } from 'vitest';
import { BlockedAddressError, blockedCause, outboundUrl } from './address-guard.js';

describe('outbound URL shape', () => {
  it('accepts http and https addresses', () => {
    expect(outboundUrl('https://mastodon.example/api').host).toBe('mastodon.example');
    expect(outboundUrl(new URL('http://[2606:4700::1111]:8080/')).port).toBe('8080');
  });

  it('refuses odd schemes, credentials and what is not an address', () => {
    expect(() => outboundUrl('file:///etc/passwd')).toThrow(/http/);
    expect(() => outboundUrl('gopher://example.com/')).toThrow(/http/);
    expect(() => outboundUrl('data:text/plain,hi')).toThrow(/http/);
    expect(() => outboundUrl('https://user:pw@example.com')).toThrow(/user name/);
    expect(() => outboundUrl('not a url')).toThrow(/not a web address/);
    expect(() => outboundUrl('not a url')).toThrow(BlockedAddressError);
  });

  it('finds a refusal wrapped by an SDK or a connector', () => {
    const refusal = new BlockedAddressError();
    const wrapped = new Error('The Mastodon server did not answer.', { cause: new TypeError('fetch failed', { cause: refusal }) });
    expect(blockedCause(wrapped)).toBe(refusal);
    expect(blockedCause(new Error('other', { cause: new Error('deeper') }))).toBeNull();
    expect(blockedCause('not an error')).toBeNull();
  });

  it('tells the administrator how to allow private networks', () => {
    expect(new BlockedAddressError().message).toMatch(/ALLOW_PRIVATE_NETWORKS=1/);
  });
});
