import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/process.js';
import { startRuche } from '../../src/app.js';
import { TestClient } from '../helpers/client.js';

describe('ruche admin create', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/ruche.mjs', 'admin', 'create', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

  it('creates an owner who can then sign in, and rejects bad arguments', async () => {
    const bad = run('--email', 'nope', '--name', 'X', '--password', 'short');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--email/);
    expect(bad.stderr).toMatch(/--password/);

    const ok = run('--email', 'ops@example.com', '--name', 'Ops', '--password', 'a long enough secret', '--workspace', 'Agency');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);

    const ruche = await startRuche({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ROLES: 'api' } });
    try {
      const client = new TestClient(ruche.url!);
      const res = await client.post('/api/v1/session', { email: 'ops@example.com', password: 'a long enough secret' });
      expect(res.status).toBe(200);
      expect(res.body.memberships).toEqual([expect.objectContaining({ workspaceName: 'Agency', role: 'owner' })]);
      expect((await client.get('/api/v1/setup')).body.needsOwner).toBe(false);
    } finally {
      await ruche.stop();
    }
  });
});
