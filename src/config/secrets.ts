import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * The key that encrypts network tokens at rest. Given by SECRET_KEY, or generated once into the data
 * folder (mode 0600) so that a zero-configuration install keeps its tokens readable across restarts.
 */
export function loadSecretKey(dataDir: string, given?: string): string {
  if (given) return given;
  const file = path.join(dataDir, 'secret.key');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('base64url');
  // wx: two processes starting together must not overwrite each other's key
  try {
    fs.writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}
