import { describe, expect, it } from 'vitest';
import { createSealer } from '../../src/config/crypto.js';

describe('sealing secrets', () => {
  const sealer = createSealer('a secret key for the tests');

  it('opens what it sealed, the same on a second opening, and never two seals alike', () => {
    const token = JSON.stringify({ accessJwt: 'eyJ.secret', refreshJwt: 'refresh' });
    const a = sealer.seal(token);
    const b = sealer.seal(token);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(sealer.open(a)).toBe(token);
    expect(sealer.open(a)).toBe(token);
    expect(sealer.open(b)).toBe(token);
  });

  it('refuses a sealed value that was altered, even after the genuine one was opened', () => {
    const sealed = sealer.seal('token');
    expect(sealer.open(sealed)).toBe('token');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => sealer.open(parts.join('.'))).toThrow();
    expect(() => sealer.open('not sealed')).toThrow(/not a sealed value/);
  });

  it('does not open with another key', () => {
    const other = createSealer('another key');
    const sealed = sealer.seal('token');
    expect(sealer.open(sealed)).toBe('token');
    expect(() => other.open(sealed)).toThrow();
  });
});
