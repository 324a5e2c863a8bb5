#!/usr/bin/env node
/** Builds the web app unless the last build was made from the same files (a start then takes no build time). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, readStamp } from './web-inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');
const force = process.argv.includes('--force');

const stamp = readStamp(outDir);
if (!force && stamp && fs.existsSync(path.join(outDir, 'index.html')) && fingerprint(root, stamp.files) === stamp.fingerprint) {
  process.exit(0);
}
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
