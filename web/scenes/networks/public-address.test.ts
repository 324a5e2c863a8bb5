import { describe, expect, it } from 'vitest';
import { addressProblem } from './public-address.js';

describe('the address given to the networks', () => {
  it('is local on loopback, private ranges and single-label names', () => {
    for (const url of [
      'http://127.0.0.1:8080/api/v1/oauth/linkedin/callback',
      'http://localhost:8080/x',
      'http://ruche.localhost/x',
      'http://[::1]:8080/x',
      'http://10.0.0.4/x',
      'http://192.168.1.20/x',
      'http://172.20.0.2/x',
      'http://nas.local/x',
      'http://ruche/x',
      'http://[fd12:3456::1]/x',
    ]) expect(addressProblem(url), url).toBe('local');
  });

  it('asks for HTTPS on a public name, and is fine with it', () => {
    expect(addressProblem('http://ruche.example.org/x')).toBe('http');
    expect(addressProblem('https://ruche.example.org/api/v1/oauth/x/callback')).toBeNull();
    expect(addressProblem('https://172.32.0.1/x')).toBeNull();
  });
});
