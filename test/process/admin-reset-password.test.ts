import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/process.js';
import { startRuche, type Ruche } from '../../src/app.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';

/** `ruche admin reset-password`, run as a person would at the server, while Ruche runs on the same data folder. */
describe('ruche admin reset-password', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-cli-reset-'));
  let ruche: Ruche;
  let url: string;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startRuche({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ROLES: 'api' } });
    url = ruche.url!;
    ({ client: owner, workspaceId } = await setupOwner(url));
  });
  afterAll(async () => {
    await ruche?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Without a terminal on stdin, as in a script or here.
  const run = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/ruche.mjs', 'admin', 'reset-password', ...args], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  const signIn = (email: string, password: string) => new TestClient(url).post('/api/v1/session', { email, password });

  it('sets the given password and signs every session of the account out', async () => {
    const { client: lea } = await addMember(owner, workspaceId, 'lea@example.com', 'analyst');
    expect((await lea.get('/api/v1/session')).status).toBe(200);

    const res = await run('--email', 'Lea@Example.com', '--password', 'chosen at the console');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('The password of lea@example.com was reset; 1 session was signed out.');
    expect(res.stdout).not.toContain('chosen at the console');

    expect((await lea.get('/api/v1/session')).status).toBe(401);
    expect((await signIn('lea@example.com', 'another good password')).status).toBe(401);
    expect((await signIn('lea@example.com', 'chosen at the console')).status).toBe(200);
    // The owner's own session is untouched.
    expect((await owner.get('/api/v1/session')).status).toBe(200);

    const audit = await owner.get(`/api/v1/workspaces/${workspaceId}/audit?limit=100`);
    const row = audit.body.items.find((e: { action: string }) => e.action === 'auth.password_reset');
    expect(row).toMatchObject({ actor: { name: 'lea' }, data: { via: 'command_line', sessions: 1 } });
  });

  it('makes a password up and prints it once when none is given', async () => {
    await addMember(owner, workspaceId, 'sam@example.com', 'strategist');
    const res = await run('--email', 'sam@example.com');
    expect(res.status).toBe(0);
    const printed = /New password \(shown this once\): (\S+)/.exec(res.stdout)?.[1];
    expect(printed).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){4}$/);
    expect((await signIn('sam@example.com', printed!)).status).toBe(200);
  });

  it('says what is wrong and changes nothing otherwise', async () => {
    const unknown = await run('--email', 'nobody@example.com', '--password', 'whatever it may be');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No account uses nobody@example\.com/);

    const bad = await run('--email', 'not-an-address', '--password', 'short');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--email/);
    expect(bad.stderr).toMatch(/--password: at least 10 characters/);
    expect((await signIn('owner@example.com', 'correct horse battery')).status).toBe(200);
  });
});
