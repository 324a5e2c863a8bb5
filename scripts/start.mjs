#!/usr/bin/env node
/**
 * `npm start`: builds what changed since the last start (the web app, the server's bundle), then runs the server
 * with plain node and a ceiling on its heap. Without one, V8 lets a busy server's heap grow to several hundred MB
 * and keeps it; with one, it collects sooner. MAX_HEAP_MB sets it; a --max-old-space-size already in NODE_OPTIONS
 * is left alone unless MAX_HEAP_MB is given too.
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_HEAP_MB = 384;
const MIN_HEAP_MB = 128;

/** The node flags for the server's heap, or an error message naming the variable. */
export function heapFlags(env) {
  const given = env.MAX_HEAP_MB;
  if (given === undefined || given === '') {
    return /--max-old-space-size\b/.test(env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${DEFAULT_HEAP_MB}`];
  }
  if (!/^\d+$/.test(given) || Number(given) < MIN_HEAP_MB) {
    return { error: `MAX_HEAP_MB: a whole number of megabytes, at least ${MIN_HEAP_MB} (got "${given.slice(0, 40)}")` };
  }
  return [`--max-old-space-size=${Number(given)}`];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flags = heapFlags(process.env);
  if ('error' in flags) {
    console.error(flags.error);
    process.exit(2);
  }
  // The builds run in a process of their own: what they read is not kept for the server's lifetime by this one.
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const server = spawn(process.execPath, [...flags, fileURLToPath(new URL('../dist/server/main.mjs', import.meta.url))], { stdio: 'inherit' });
  // A signal sent to this process alone (a supervisor, `kill`) goes on to the server, which stops cleanly.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
}
