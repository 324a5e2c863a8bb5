/**
 * What the built web app was made from: the source files Vite bundled (recorded at build time) plus the files that
 * change a build without being bundled. A start compares their fingerprint with the recorded one and skips the build
 * when nothing changed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = '.inputs.json';
const ALWAYS = ['vite.config.ts', 'scripts/vite-build-stamp.ts', 'scripts/vite-precompress.ts', 'package-lock.json', 'web/index.html'];

export function fingerprint(root, files) {
  return fingerprintOf(root, [...ALWAYS, ...files]);
}

/** A hash of these files' names and contents (a missing file counts as missing): what a build was made from. */
export function fingerprintOf(root, files) {
  const hash = crypto.createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    hash.update(file + '\0');
    try {
      hash.update(fs.readFileSync(path.join(root, file)));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The stamp a build leaves beside its output, or null when there is none or it is unreadable. */
export function readStamp(outDir) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP_FILE), 'utf8'));
    return Array.isArray(stamp.files) && typeof stamp.fingerprint === 'string' ? stamp : null;
  } catch {
    return null;
  }
}
