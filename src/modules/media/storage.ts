import fs from 'node:fs/promises';
import path from 'node:path';

/** Media files live in the data folder under media/<workspace>/<id>; the key is that relative path. */
export function mediaKey(workspaceId: string, mediaId: string, ext: string): string {
  return `${workspaceId}/${mediaId}.${ext}`;
}

function resolveKey(dataDir: string, key: string): string {
  const base = path.resolve(dataDir, 'media');
  const full = path.resolve(base, key);
  // Keys are ours, but a path that leaves the media folder is refused all the same.
  if (!full.startsWith(base + path.sep)) throw new Error('invalid media key');
  return full;
}

export async function writeMediaFile(dataDir: string, key: string, bytes: Uint8Array): Promise<void> {
  const file = resolveKey(dataDir, key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

export async function readMediaFile(dataDir: string, key: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(resolveKey(dataDir, key)));
}
