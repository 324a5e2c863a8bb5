import { describe, expect, it } from 'vitest';
import { allowedOrigins } from './allowed-origins.js';

describe('allowedOrigins', () => {
  it('accepts the other loopback names of the same port and scheme when Ruche named itself', () => {
    expect([...allowedOrigins('http://localhost:8080', true)].sort()).toEqual(
      ['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:8080'],
    );
  });

  it('keeps to PUBLIC_URL alone when an administrator set it, even on loopback', () => {
    expect([...allowedOrigins('http://localhost:8080', false)]).toEqual(['http://localhost:8080']);
    expect([...allowedOrigins('https://ruche.example.org', false)]).toEqual(['https://ruche.example.org']);
  });

  it('adds nothing when Ruche listens on a non-loopback address', () => {
    expect([...allowedOrigins('http://192.168.1.20:8080', true)]).toEqual(['http://192.168.1.20:8080']);
  });
});
