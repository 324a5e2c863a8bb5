import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A thread running `source`, or `bundled` in the server's bundle (scripts/build-server.mjs), where each thread's
 * code is a file of its own. From the sources (development, tests) the thread compiles TypeScript as the process
 * does, with tsx.
 */
export function startThread(bundled: string | undefined, source: URL, options: WorkerOptions = {}): Worker {
  if (typeof bundled === 'string') return new Worker(pathToFileURL(bundled), options);
  if (!source.pathname.endsWith('.ts')) return new Worker(source, options);
  const load = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(load, { ...options, eval: true });
}
