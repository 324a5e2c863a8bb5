import { describe, expect, it } from 'vitest';
import { redirectAddress } from './redirect-address.js';

const problemOf = (url: string) => redirectAddress(url).problem;

describe('the address given to the networks for their redirects', () => {
  it('is local on loopback, private and special-purpose addresses, and names only a local network knows', () => {
    for (const url of [
      'http://127.0.0.1:8080', 'http://localhost:8080', 'http://ruche.localhost', 'http://[::1]:8080', 'http://10.0.0.4',
      'http://192.168.1.20', 'http://172.20.0.2', 'https://100.64.0.9', 'https://169.254.169.254', 'http://nas.local', 'http://ruche',
      'https://ruche.internal', 'https://ruche.home.arpa', 'http://[fd12:3456::1]', 'https://[fe80::1]', 'https://[::ffff:127.0.0.1]', 'https://0.0.0.0',
      'not an address',
    ]) expect(problemOf(url), url).toBe('local');
  });

  it('asks for HTTPS on a public name or address, and is fine with it', () => {
    expect(problemOf('http://ruche.example.org')).toBe('http');
    expect(problemOf('http://93.184.216.34:8080')).toBe('http');
    expect(problemOf('https://ruche.example.org')).toBeNull();
    expect(problemOf('https://172.32.0.1')).toBeNull();
    expect(problemOf('https://[2606:4700::1111]')).toBeNull();
  });

  it('names the host and port as the reader would recognise them', () => {
    expect(redirectAddress('http://127.0.0.1:8080').host).toBe('127.0.0.1:8080');
    expect(redirectAddress('https://ruche.example.org').host).toBe('ruche.example.org');
  });
});
