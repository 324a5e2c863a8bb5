import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

// HTTP load for the analytics benchmark: Ruche's api role in a process of its own, readers in a closed loop.
const here = path.dirname(fileURLToPath(import.meta.url));

export function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(here, 'inbox-server.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { url?: string }) => m.url && resolve({ child, url: m.url }));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The server process's CPU time so far, in ms. */
export function serverCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpuMs?: number }) => {
      if (m.cpuMs === undefined) return;
      child.off('message', onMessage);
      resolve(m.cpuMs);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

export async function call(pool: Pool, cookie: string, method: string, p: string, body?: unknown) {
  const res = await pool.request({
    method: method as 'GET', path: p,
    headers: { cookie, 'x-ruche-csrf': '1', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`${method} ${p} → ${res.statusCode} ${text.slice(0, 300)}`);
  return { json: text ? (JSON.parse(text) as any) : null, headers: res.headers };
}

export function quantiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10 : null);
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: string | null;
  p50: number | null;
  p99: number | null;
  max: number | null;
  perSecond: number;
  times: number[];
}

/** `readers` loops, each sending its next request as soon as the last one is answered, for `seconds`. */
export async function closedLoop(pool: Pool, cookie: string, readers: number, seconds: number, pathOf: (i: number) => string): Promise<LoadResult> {
  const times: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (performance.now() < until) {
        const i = next++;
        const t = performance.now();
        try {
          await call(pool, cookie, 'GET', pathOf(i));
          times.push(performance.now() - t);
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
          // A route that is not there answers at once: do not spin on it.
          if (errors > 50 && times.length === 0) return;
        }
      }
    }),
  );
  const wall = performance.now() - started;
  return { requests: times.length, errors, firstError, ...quantiles(times), perSecond: Math.round((times.length / wall) * 1000), times };
}
