/**
 * How the web app and the API travel: files in the brotli or gzip version the build writes beside them, chosen by
 * what the browser accepts, hashed assets cached for a year, index.html checked again on every visit, JSON answers
 * over 1 KB compressed on the fly, and the notification stream never compressed (it must arrive event by event).
 * Requests go through node:http, which hands back the bytes as sent (fetch would decompress them).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/vite-precompress.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decode = (res: Raw): Buffer =>
  res.headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(res.body)
    : res.headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(res.body)
      : res.body;

const BROWSER = 'gzip, deflate, br, zstd';
// Enough repeated text that every format is smaller than the original, as with a real bundle.
const script = Array.from({ length: 400 }, (_, i) => `export const honey${i} = 'jar number ${i}';`).join('\n');
const styles = Array.from({ length: 200 }, (_, i) => `.hive-${i} { margin: ${i}px; color: #a0522d; }`).join('\n');
const html = `<!doctype html><html lang="en"><head><title>Ruche</title><script type="module" src="/assets/app-1a2b.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`;

describe('serving the web app', () => {
  let ruche: TestRuche;
  let webDir: string;
  let owner: TestClient;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), html);
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1a2b.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'app-3c4d.css'), styles);
    fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(webDir, '.inputs.json'), '{"files":["web/main.tsx"]}');
    await precompressDir(webDir);
    ruche = await startTestRuche('sqlite', {}, { webDir });
    owner = (await setupOwner(ruche.url)).client;
  });
  afterAll(async () => {
    await ruche?.stop();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('the build writes a brotli and a gzip version beside each file, unless it would not be smaller', () => {
    const names = fs.readdirSync(path.join(webDir, 'assets')).sort();
    expect(names).toEqual(['app-1a2b.js', 'app-1a2b.js.br', 'app-1a2b.js.gz', 'app-3c4d.css', 'app-3c4d.css.br', 'app-3c4d.css.gz']);
    expect(fs.existsSync(path.join(webDir, 'index.html.br'))).toBe(true);
    // A tiny icon only grows when compressed; the build's stamp is not served at all.
    expect(fs.readdirSync(webDir).filter((n) => n.startsWith('favicon') || n.startsWith('.inputs'))).toEqual(['.inputs.json', 'favicon.svg']);
  });

  it('sends assets in brotli to a browser that takes it, cached for a year', async () => {
    const res = await get(`${ruche.url}/assets/app-1a2b.js`, { 'accept-encoding': BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(decode(res).toString()).toBe(script);

    const css = await get(`${ruche.url}/assets/app-3c4d.css`, { 'accept-encoding': BROWSER });
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(decode(css).toString()).toBe(styles);
  });

  it('sends gzip to a client that takes only gzip, and the file as it is to one that takes neither', async () => {
    const gz = await get(`${ruche.url}/assets/app-1a2b.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(decode(gz).toString()).toBe(script);

    for (const accepted of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get(`${ruche.url}/assets/app-1a2b.js`, accepted ? { 'accept-encoding': accepted } : {});
      expect(plain.headers['content-encoding'], `Accept-Encoding: ${accepted}`).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.body.toString()).toBe(script);
    }
  });

  it('sends index.html compressed for the root and for any route of the app, checked again on every visit', async () => {
    for (const route of ['/', '/w/some-workspace/calendar']) {
      const res = await get(ruche.url + route, { 'accept-encoding': BROWSER });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(decode(res).toString()).toBe(html);
    }
    const plain = await get(`${ruche.url}/w/some-workspace`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
  });

  it('does not serve the build stamp, a missing asset or a source map as the app', async () => {
    expect((await get(`${ruche.url}/.inputs.json`)).status).toBe(404);
    const missing = await get(`${ruche.url}/assets/app-old.js`, { 'accept-encoding': BROWSER });
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect((await get(`${ruche.url}/favicon.svg`, { 'accept-encoding': BROWSER })).headers['content-encoding']).toBeUndefined();
  });

  it('compresses JSON answers over 1 KB, as the client accepts, and leaves small ones alone', async () => {
    const url = `${ruche.url}/api/v1/openapi.json`;
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const document = JSON.parse(plain.body.toString());
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await get(url, { 'accept-encoding': BROWSER });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.headers['cache-control']).toBe('no-store');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(decode(br).toString())).toEqual(document);

    const gz = await get(url, { 'accept-encoding': 'gzip;q=1, br;q=0.5' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(gz).toString())).toEqual(document);

    const small = await get(`${ruche.url}/api/v1/health`, { 'accept-encoding': BROWSER });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toBeTruthy();

  });

  it('never compresses the notification stream, even for a client that takes brotli', async () => {
    const cookies = (owner as unknown as { cookies: Map<string, string> }).cookies;
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const first = await new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.get(`${ruche.url}/api/v1/notifications/stream`, { headers: { cookie, accept: 'text/event-stream', 'accept-encoding': BROWSER } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
          // The unread count arrives as plain text while the stream stays open.
          if (/^event: unread\ndata: .*\n/m.test(text)) {
            resolve({ headers: res.headers, text });
            req.destroy();
          }
        });
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.text).toMatch(/^data: \{"unread":0/m);
  });
});
