import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient, setupOwner } from '../helpers/client.js';
import { exited, freePort, spawnRuche, waitForHealth } from '../helpers/process.js';

describe('the embedded database across restarts', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-durable-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write through kill -9, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir };

    const first = spawnRuche(env);
    await waitForHealth(url, first);
    const { client, workspaceId } = await setupOwner(url);
    const created: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await client.post('/api/v1/workspaces', { name: `Client ${i}` });
      expect(res.status).toBe(201);
      created.push(res.body.id);
    }
    // No goodbye: the process dies right after its last answer.
    first.kill('SIGKILL');
    await exited(first);

    const second = spawnRuche(env);
    await waitForHealth(url, second);
    const again = new TestClient(url);
    expect((await again.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' })).status).toBe(200);
    const ids = (await again.get('/api/v1/workspaces')).body.items.map((w: { id: string }) => w.id);
    expect(ids.sort()).toEqual([workspaceId, ...created].sort());
    expect(fs.existsSync(path.join(dataDir, 'ruche.sqlite'))).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    const child = spawnRuche({ PORT: 'eighty', DATA_DIR: dataDir, ROLES: 'api,cook' });
    expect(await exited(child)).toBe(2);
    expect(child.output()).toMatch(/PORT/);
    expect(child.output()).toMatch(/unknown role "cook"/);
  });
});
