#!/usr/bin/env node
/** Builds the web app unless the last build was made from the same files (a start then takes no build time). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fingerprint, readStamp } from './web-inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');

/** Whether the last build was made from the files as they are now. */
export function webUpToDate() {
  const stamp = readStamp(outDir);
  return !!stamp && fs.existsSync(path.join(outDir, 'index.html')) && fingerprint(root, stamp.files) === stamp.fingerprint;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv.includes('--force') && webUpToDate()) process.exit(0);
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
