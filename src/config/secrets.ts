import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * The key that encrypts network tokens at rest. Given by SECRET_KEY, or generated once into the data
 * folder (the owner's only) so that a zero-configuration install keeps its tokens readable across restarts.
 */
export function loadSecretKey(dataDir: string, given?: string): string {
  if (given) return given;
  const file = path.join(dataDir, 'secret.key');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) {
      // A key copied in by hand may have come with wider rights.
      ownerOnlyFile(file);
      return existing;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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

/**
 * Takes group and other rights off a file, when it has any. Best effort: a file mounted read-only or
 * owned by someone else is left as it is rather than stopping the start.
 */
export function ownerOnlyFile(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o077) === 0) return;
    fs.chmodSync(file, 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM' && code !== 'EROFS') throw err;
  }
}
