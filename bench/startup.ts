import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, freePort, spawnRuche } from '../test/helpers/process.js';

/** Milliseconds from spawn to the first 200 of /api/v1/health, polling every 10 ms. */
async function timeToFirst200(env: Record<string, string>) {
  const started = performance.now();
  const child = spawnRuche(env);
  const url = `http://127.0.0.1:${env.PORT}/api/v1/health`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Ruche exited:\n${child.output()}`);
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { ms: Math.round(performance.now() - started), child };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

/** Cold start (empty data folder: migrations, key generation) and warm start, then idle memory. */
export async function measureStartup(): Promise<Record<string, number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-start-'));
  try {
    const env = { PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const cold = await timeToFirst200(env);
    cold.child.kill('SIGTERM');
    await exited(cold.child);
    const warm = await timeToFirst200(env);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssMb(warm.child.pid!);
    warm.child.kill('SIGTERM');
    await exited(warm.child);
    return { coldStartMs: cold.ms, warmStartMs: warm.ms, idleRssMb: idle };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function bench() {
  const figures = await measureStartup();
  console.log(`cold start to first HTTP 200: ${figures.coldStartMs} ms (empty data folder)`);
  console.log(`warm start to first HTTP 200: ${figures.warmStartMs} ms`);
  console.log(`resident memory, idle:        ${figures.idleRssMb} MB`);
  return figures;
}
