import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuche } from '../../src/app.js';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';

describe.each(databases)('session tokens at rest on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
  });
  afterAll(() => ruche?.stop());

  /** A session cookie for a value, signed as the instance signs them: someone with a copy of the data folder can. */
  const signedCookie = (value: string) => {
    const signature = crypto.createHmac('sha256', ruche.ctx.auth.options.secret!).update(value).digest('base64');
    return `ruche.session_token=${encodeURIComponent(`${value}.${signature}`)}`;
  };
  const sessionWith = async (cookie: string) =>
    (await fetch(`${ruche.url}/api/v1/session`, { headers: { cookie } })).status;

  it('keeps only a hash of the session token in the database', async () => {
    const { userId } = await setupOwner(ruche.url);
    const client = new TestClient(ruche.url);
    const res = await client.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ruche.session_token='))!;
    const token = decodeURIComponent(cookie.split(';')[0].split('=')[1]).split('.')[0];
    expect(token.length).toBeGreaterThan(20);

    const rows = await ruche.ctx.store.db.selectFrom('session').select('token').where('userId', '=', userId).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.token).not.toContain(token);

    // The cookie still signs in; the value copied from the database, signed the same way, does not.
    expect((await client.get('/api/v1/session')).status).toBe(200);
    expect(await sessionWith(signedCookie(token))).toBe(200);
    for (const row of rows) expect(await sessionWith(signedCookie(row.token))).toBe(401);

    // Signing out still finds the session by its cookie.
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect(await sessionWith(signedCookie(token))).toBe(401);
  });
});

describe('data folder rights', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-rights-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

  it('makes the data folder, the database files and the secret key readable by the owner only', async () => {
    const dataDir = path.join(dir, 'data');
    const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ROLES: 'api' };
    const ruche = await startRuche({ env });
    try {
      // A write, so that the write-ahead log exists.
      await setupOwner(ruche.url!);
      expect(modeOf(dataDir)).toBe(0o700);
      for (const name of ['ruche.sqlite', 'ruche.sqlite-wal', 'ruche.sqlite-shm', 'secret.key']) {
        expect([name, modeOf(path.join(dataDir, name))]).toEqual([name, 0o600]);
      }
    } finally {
      await ruche.stop();
    }

    // Files an older version left readable by others are tightened on the next start.
    fs.chmodSync(path.join(dataDir, 'ruche.sqlite'), 0o644);
    fs.chmodSync(path.join(dataDir, 'secret.key'), 0o644);
    const again = await startRuche({ env });
    await again.stop();
    expect(modeOf(path.join(dataDir, 'ruche.sqlite'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'secret.key'))).toBe(0o600);
  });
});
