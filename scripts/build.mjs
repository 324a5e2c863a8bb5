#!/usr/bin/env node
/** `npm run build`: the web app and the server's bundle, each only when its sources changed (`--force`: both anyway). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { webUpToDate } from './build-web.mjs';
import { buildServer } from './build-server.mjs';

const force = process.argv.includes('--force');
if (force || !webUpToDate()) {
  const web = spawnSync(process.execPath, [fileURLToPath(new URL('./build-web.mjs', import.meta.url)), '--force'], { stdio: 'inherit' });
  if (web.status !== 0) process.exit(web.status ?? 1);
}
await buildServer({ force });
