import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { root } from './process.js';

/** A Ruche worker process on the test's PostgreSQL schema, tracked in `workers` until it exits (crash tests kill it). */
export function startWorkerProcess(workers: Set<ChildProcess>, env: Record<string, string | undefined>): ChildProcess {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-worker-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ROLES: 'worker,scheduler', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_PRIVATE_NETWORKS: '1', ...env },
  });
  workers.add(child);
  child.once('exit', () => workers.delete(child));
  return child;
}
