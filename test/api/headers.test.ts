import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';

describe('security headers and the web app over plain HTTP', () => {
  let ruche: TestRuche;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Ruche</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1a2b.js.map'), '{"sources":["App.tsx"]}');
    ruche = await startTestRuche('sqlite', {}, { webDir });
  });
  afterAll(async () => {
    await ruche?.stop();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('sends no HSTS when PUBLIC_URL is http, and refuses framing the same way in both headers', async () => {
    for (const p of ['/api/v1/health', '/']) {
      const res = await fetch(ruche.url + p);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('serves assets, answers 404 for a missing one, and never serves source maps', async () => {
    const asset = await fetch(`${ruche.url}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    const missing = await fetch(`${ruche.url}/assets/app-old.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>Ruche</title>');
    expect((await fetch(`${ruche.url}/assets/app-1a2b.js.map`)).status).toBe(404);
    const route = await fetch(`${ruche.url}/w/some-workspace/calendar`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Ruche</title>');
  });
});

describe('HSTS behind an https PUBLIC_URL', () => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche('sqlite', { PUBLIC_URL: 'https://ruche.example.com' });
  });
  afterAll(() => ruche?.stop());

  it('tells browsers to keep to https', async () => {
    const res = await fetch(`${ruche.url}/api/v1/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});

/** A write sent with any Host header, which fetch does not let a caller choose. */
function rawPost(url: string, path: string, headers: Record<string, string>, body: unknown) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(url + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('Origin of writes', () => {
  let ruche: TestRuche;
  let owner: TestClient;
  let cookie: string;
  beforeAll(async () => {
    ruche = await startTestRuche('sqlite');
    ({ client: owner } = await setupOwner(ruche.url));
    const signIn = await fetch(`${ruche.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
    });
    cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  });
  afterAll(() => ruche?.stop());

  const write = (origin?: string, host?: string) =>
    rawPost(ruche.url, '/api/v1/workspaces', {
      cookie,
      'x-ruche-csrf': '1',
      ...(origin === undefined ? {} : { origin }),
      ...(host === undefined ? {} : { host }),
    }, { name: 'From somewhere' });

  it("accepts PUBLIC_URL's own origin, and clients that send none", async () => {
    expect(ruche.ctx.config.publicUrl).toBe(ruche.url);
    expect((await write(new URL(ruche.url).origin)).status).toBe(201);
    expect((await write()).status).toBe(201);
    expect((await owner.post('/api/v1/workspaces', { name: 'From the test client' })).status).toBe(201);
  });

  it('accepts the same server under its other loopback names when PUBLIC_URL is not set, and no other port', async () => {
    expect(ruche.ctx.config.publicUrlDerived).toBe(true);
    const { port } = new URL(ruche.url);
    for (const name of ['localhost', '127.0.0.1', '[::1]']) {
      const res = await write(`http://${name}:${port}`);
      expect(`${name} → ${res.status}`).toBe(`${name} → 201`);
    }
    const otherPort = await write(`http://localhost:${Number(port) === 1 ? 2 : 1}`);
    expect(otherPort.status).toBe(403);
  });

  it('refuses an origin that only matches the Host header the request carries', async () => {
    const res = await write('http://rebound.example:8080', 'rebound.example:8080');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('refuses the same host over another scheme, and Origin: null', async () => {
    const host = new URL(ruche.url).host;
    for (const origin of [`https://${host}`, 'null']) {
      const res = await write(origin);
      expect(`${origin} → ${res.status}`).toBe(`${origin} → 403`);
      expect(res.body.error).toEqual({ code: 'csrf_failed', message: expect.stringContaining('PUBLIC_URL'), details: { expected: new URL(ruche.url).origin } });
    }
  });
});
