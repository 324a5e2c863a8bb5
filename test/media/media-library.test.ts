import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, inSeconds, waitForStatus } from '../helpers/publishing.js';
import { pngDeclaring } from '../helpers/images.js';

describe.each(databases)('media library on %s', (kind) => {
  const network = new LocalNetwork();
  const logs: Array<Record<string, unknown>> = [];
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    ruche = await startTestRuche(kind, {}, { connectors: network.factory(), log: pino({ level: 'info' }, sink) });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
  });
  afterAll(() => ruche?.stop());

  const media = (p = '') => `/api/v1/workspaces/${ws}/media${p}`;
  const upload = (bytes: Uint8Array, type = 'image/png') => owner.request('POST', media('?fileName=photo&alt=Logo'), bytes, { 'content-type': type });
  const fileOf = (id: string, ext = 'png') => path.join(ruche.dataDir, 'media', ws, `${id}.${ext}`);
  const smallPng = async () => new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#0a0' } }).png().toBuffer());

  it('refuses an image of more than 50 megapixels before decoding it, saying the limit', async () => {
    const before = (await owner.get(media())).body.items.length;
    const res = await upload(await pngDeclaring(16_000, 16_000));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('image_too_large');
    expect(res.body.error.message).toContain('16000 × 16000');
    expect(res.body.error.message).toContain('the limit is 50 megapixels');
    expect((await owner.get(media())).body.items).toHaveLength(before);
    const spec = (await owner.get('/api/v1/openapi.json')).body;
    expect(spec.paths['/api/v1/workspaces/{workspaceId}/media'].post.summary).toContain('50 megapixels');
  });

  it('stores an upload readable by the owner only', async () => {
    const stored = await upload(await smallPng());
    expect(stored.status).toBe(201);
    expect(fs.statSync(fileOf(stored.body.id)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(fileOf(stored.body.id))).mode & 0o777).toBe(0o700);
  });

  it('deletes the file with the media item', async () => {
    const stored = await upload(await smallPng());
    expect(fs.existsSync(fileOf(stored.body.id))).toBe(true);
    expect((await owner.delete(media(`/${stored.body.id}`))).status).toBe(204);
    expect(fs.existsSync(fileOf(stored.body.id))).toBe(false);
    expect((await owner.get(media(`/${stored.body.id}/file`))).status).toBe(404);
  });

  it('keeps an image a post still needs, and lets it go once the post has gone out', async () => {
    const stored = await upload(await smallPng());
    const id = stored.body.id as string;
    const post = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: 'Avec logo', accountIds: [account], mediaIds: [id] });
    const inUse = await owner.delete(media(`/${id}`));
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: 'media_in_use', message: expect.stringContaining('1 post that has not gone out') });
    expect(fs.existsSync(fileOf(id))).toBe(true);
    expect((await owner.get(`/api/v1/workspaces/${ws}/posts/${post.body.id}`)).body.media).toHaveLength(1);

    await owner.patch(`/api/v1/workspaces/${ws}/posts/${post.body.id}`, { scheduledAt: inSeconds(2) });
    await owner.post(`/api/v1/workspaces/${ws}/posts/${post.body.id}/submit`);
    expect((await waitForStatus(owner, ws, post.body.id, ['published', 'failed'])).status).toBe('published');
    expect((await owner.delete(media(`/${id}`))).status).toBe(204);
    expect(fs.existsSync(fileOf(id))).toBe(false);
    expect((await owner.get(`/api/v1/workspaces/${ws}/posts/${post.body.id}`)).body).toMatchObject({ status: 'published', media: [] });
  });

  it('logs an upload the client abandons half-way as a client abort, not as an error', async () => {
    const signIn = await fetch(`${ruche.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const from = logs.length;
    const { port } = new URL(ruche.url);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1', port, method: 'POST', path: media('?fileName=half'),
        headers: { cookie, 'x-ruche-csrf': '1', 'content-type': 'image/png', 'content-length': String(5 * 1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(Buffer.alloc(256 * 1024), () => setTimeout(() => req.destroy(), 100));
    });
    let entries: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 100; i++) {
      entries = logs.slice(from);
      if (entries.some((e) => e.msg === 'client aborted the request')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(entries.filter((e) => e.msg === 'unhandled error')).toEqual([]);
    const abort = entries.filter((e) => e.msg === 'client aborted the request');
    expect(abort).toHaveLength(1);
    expect(abort[0]).toMatchObject({ level: 30, method: 'POST' });
    expect(JSON.stringify(abort[0])).not.toContain('stack');
    // The server carries on.
    expect((await owner.get(media())).status).toBe(200);
  });
});
