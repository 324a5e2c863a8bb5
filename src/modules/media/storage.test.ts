import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteMediaFile, mediaKey, readMediaFile, writeMediaFile } from './storage.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('media storage', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-media-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps files readable by the owner only, in folders only the owner can enter', async () => {
    const key = mediaKey('ws1', 'm1', 'png');
    await writeMediaFile(dataDir, key, new Uint8Array([1, 2, 3]));
    expect(mode(path.join(dataDir, 'media', key))).toBe(0o600);
    expect(mode(path.join(dataDir, 'media', 'ws1'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'media'))).toBe(0o700);
    expect(fs.readdirSync(path.join(dataDir, 'media', 'ws1'))).toEqual(['m1.png']);
    expect([...(await readMediaFile(dataDir, key))]).toEqual([1, 2, 3]);
  });

  it('tightens folders that an older version left open', async () => {
    fs.mkdirSync(path.join(dataDir, 'media', 'ws1'), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(dataDir, 'media'), 0o755);
    fs.chmodSync(path.join(dataDir, 'media', 'ws1'), 0o755);
    await writeMediaFile(dataDir, mediaKey('ws1', 'm2', 'jpg'), new Uint8Array([4]));
    expect(mode(path.join(dataDir, 'media'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'media', 'ws1'))).toBe(0o700);
  });

  it('deletes a file, and does not mind one already gone', async () => {
    const key = mediaKey('ws1', 'm3', 'gif');
    await writeMediaFile(dataDir, key, new Uint8Array([5]));
    await deleteMediaFile(dataDir, key);
    expect(fs.existsSync(path.join(dataDir, 'media', key))).toBe(false);
    await expect(deleteMediaFile(dataDir, key)).resolves.toBeUndefined();
    await expect(deleteMediaFile(dataDir, '../secret.key')).rejects.toThrow('invalid media key');
  });
});
