import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Media files live in the data folder under media/<workspace>/<id>; the key is that relative path. */
export function mediaKey(workspaceId: string, mediaId: string, ext: string): string {
  return `${workspaceId}/${mediaId}.${ext}`;
}

// Unpublished images are private to their workspace: no other account on the machine may read them.
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

function mediaRoot(dataDir: string): string {
  return path.resolve(dataDir, 'media');
}

function resolveKey(dataDir: string, key: string): string {
  const base = mediaRoot(dataDir);
  const full = path.resolve(base, key);
  // Keys are ours, but a path that leaves the media folder is refused all the same.
  if (!full.startsWith(base + path.sep)) throw new Error('invalid media key');
  return full;
}

export async function writeMediaFile(dataDir: string, key: string, bytes: Uint8Array): Promise<void> {
  const file = resolveKey(dataDir, key);
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
  // mkdir leaves folders made by older versions as they were (world-readable): tighten them too.
  for (const d of [mediaRoot(dataDir), dir]) await fs.chmod(d, DIR_MODE);
  // A name of its own and 'wx': the mode applies only to a file this call creates.
  const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'wx', FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await fs.rename(tmp, file);
}

export async function readMediaFile(dataDir: string, key: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(resolveKey(dataDir, key)));
}

/** Removes a media file; one already gone is not an error. */
export async function deleteMediaFile(dataDir: string, key: string): Promise<void> {
  await fs.rm(resolveKey(dataDir, key), { force: true });
}
