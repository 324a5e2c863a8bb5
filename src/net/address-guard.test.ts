import { describe, expect, it } from 'vitest';
import { assertPublicUrl, isPrivateAddress } from './address-guard.js';

describe('private-address guard', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['1.1.1.1', '93.184.216.34', '2606:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses URLs that lead inside, and odd schemes', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:8080/', false)).rejects.toThrow(/private network/);
    await expect(assertPublicUrl('http://localhost/', false)).rejects.toThrow(/private network/);
    await expect(assertPublicUrl('http://[::1]/', false)).rejects.toThrow(/private network/);
    await expect(assertPublicUrl('file:///etc/passwd', false)).rejects.toThrow(/http/);
    await expect(assertPublicUrl('https://user:pw@example.com', false)).rejects.toThrow(/user name/);
    await expect(assertPublicUrl('not a url', false)).rejects.toThrow(/not a web address/);
  });

  it('lets an install allow its private network on purpose', async () => {
    expect((await assertPublicUrl('http://127.0.0.1:8080/x', true)).host).toBe('127.0.0.1:8080');
  });
});
