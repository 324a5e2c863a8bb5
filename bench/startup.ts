import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, freePort, root } from '../test/helpers/process.js';
import { buildServer } from '../scripts/build-server.mjs';
import { heapFlags } from '../scripts/start.mjs';

/**
 * How fast the server `npm start` runs (its bundle, with plain node and the default heap ceiling) answers after
 * starting, and what it holds idle: for all roles in one process (the default), for the api role alone and for a
 * worker and scheduler without HTTP. Cold is an empty data folder (migrations, key generation), warm a restart on
 * it. Each figure is the median of RUNS starts; CPU is what the process used until then (a loaded machine stretches
 * the wall time, not the CPU time). The whole `npm start` path (its launcher, checking that both builds are up to
 * date) is measured too.
 */
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const ROLES = { all: 'api,worker,scheduler', api: 'api', worker: 'worker,scheduler' } as const;

interface Start {
  ms: number;
  cpuMs: number;
  child: ChildProcess;
}

/** User and system time of a process, from /proc (in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

/** The process and, for a launcher, the server it runs. */
function family(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children];
}
const sum = (pids: number[], f: (pid: number) => number) => pids.reduce((total, pid) => total + f(pid), 0);

/** Spawns `args` and waits for it to be ready: the first 200 of /api/v1/health, or its "running" log line without HTTP. */
async function start(args: string[], env: Record<string, string>): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let running = false;
  child.stdout!.on('data', (d) => {
    out += d;
    running ||= out.includes('Ruche is running');
  });
  child.stderr!.on('data', (d) => (out += d));
  const http = env.ROLES.includes('api');
  const url = `http://127.0.0.1:${env.PORT}/api/v1/health`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Ruche exited:\n${out}`);
    if (!http && running) break;
    if (http) {
      try {
        if ((await fetch(url)).status === 200) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - started;
  return { ms, cpuMs: sum(family(child.pid!), cpuMs), child };
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await exited(child);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Figures {
  coldStartMs: number;
  coldCpuMs: number;
  warmStartMs: number;
  idleRssMb: number;
}

/** Cold and warm starts of one command, then its idle memory 3 s after a warm start; medians of RUNS. */
async function measure(args: string[], roles: string): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-start-'));
    try {
      const env = { PORT: String(await freePort()), DATA_DIR: dataDir, ROLES: roles };
      const cold = await start(args, env);
      await stop(cold.child);
      const warm = await start(args, env);
      await new Promise((r) => setTimeout(r, 3000));
      const idle = sum(family(warm.child.pid!), rssMb);
      await stop(warm.child);
      runs.push({ coldStartMs: cold.ms, coldCpuMs: cold.cpuMs, warmStartMs: warm.ms, idleRssMb: idle });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const pick = (k: keyof Figures) => Math.round(median(runs.map((r) => r[k])) * 10) / 10;
  return { coldStartMs: Math.round(pick('coldStartMs')), coldCpuMs: Math.round(pick('coldCpuMs')), warmStartMs: Math.round(pick('warmStartMs')), idleRssMb: pick('idleRssMb') };
}

function serverArgs(entry: string): string[] {
  const flags = heapFlags({});
  if ('error' in flags) throw new Error(flags.error);
  return [...flags, entry];
}

/** All roles in one process, as `npm start` runs by default (used by the jobs benchmark too). */
export async function measureStartup(): Promise<Record<string, number>> {
  const { coldStartMs, warmStartMs, idleRssMb } = await measure(serverArgs(await buildServer()), ROLES.all);
  return { coldStartMs, warmStartMs, idleRssMb };
}

export default async function bench() {
  const entry = await buildServer();
  if (spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('the web app could not be built');
  const roles: Record<string, Figures> = {};
  for (const [name, value] of Object.entries(ROLES)) roles[name] = await measure(serverArgs(entry), value);
  // The launcher and the server together: what `npm start` holds, the builds' checks included in the start.
  const launched = await measure(['scripts/start.mjs'], ROLES.all);
  console.log(`${'server, ROLES'.padEnd(34)}${'cold'.padStart(9)}${'cold CPU'.padStart(10)}${'warm'.padStart(9)}${'idle RSS'.padStart(11)}`);
  const row = (label: string, f: Figures) =>
    console.log(`${label.padEnd(34)}${`${f.coldStartMs} ms`.padStart(9)}${`${f.coldCpuMs} ms`.padStart(10)}${`${f.warmStartMs} ms`.padStart(9)}${`${f.idleRssMb} MB`.padStart(11)}`);
  for (const [name, f] of Object.entries(roles)) row(`${name} (${ROLES[name as keyof typeof ROLES]})`, f);
  row('npm start path (launcher + server)', launched);
  console.log(`(median of ${RUNS}; without HTTP, ready is the "Ruche is running" line; heap ceiling ${serverArgs(entry)[0]})`);
  return { coldStartMs: roles.all.coldStartMs, warmStartMs: roles.all.warmStartMs, idleRssMb: roles.all.idleRssMb, runs: RUNS, roles, npmStartPath: launched };
}
