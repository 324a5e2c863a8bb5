import type { ChildProcess } from 'node:child_process';
import type { Capability, Connector, NetworkLimits, PublishedPost } from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';

/**
 * The publishing benchmark's network: inside each worker process it takes a post at once and notes when it
 * came, and the worker reports these arrivals to the benchmark over IPC in batches. What is measured is
 * Ruche (scheduling, jobs, database), not an HTTP stack; a key that arrives twice, in one worker or in two,
 * is a duplicate post.
 */
const limits: NetworkLimits = {
  text: { max: 300, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: { maxCount: 4, maxBytes: 1_000_000, mimeTypes: ['image/jpeg'], altText: true, maxAltLength: 1000 },
  visibilities: ['public'],
  contentWarning: false,
};

export function workerSideNetwork(): ConnectorFactory {
  let pending: Array<[string, number]> = [];
  setInterval(() => {
    if (pending.length === 0) return;
    process.send?.({ arrivals: pending });
    pending = [];
  }, 50).unref();
  const connector: Connector = {
    network: 'bluesky',
    capabilities: new Set<Capability>(['publish']),
    limits: async () => limits,
    countText: async (t) => ({ used: t.length, max: 300 }),
    account: async () => ({ id: 'bench', handle: 'bench', displayName: null, followers: null }),
    async publish(post): Promise<PublishedPost> {
      pending.push([post.idempotencyKey, Date.now()]);
      return { ref: { id: post.idempotencyKey }, url: null, text: post.text, createdAt: '', alreadyExisted: false };
    },
    findExisting: async () => null,
    getPost: async () => null,
    delete: async () => {},
  };
  return { create: () => connector, pacing: process.env.BENCH_NO_PACING ? () => undefined : undefined };
}

/** The benchmark's side: every worker's arrivals, merged. */
export function arrivalsFrom(workers: ChildProcess[]) {
  const arrivals = new Map<string, number>();
  let duplicates = 0;
  const listen = (w: ChildProcess) =>
    w.on('message', (m: { arrivals?: Array<[string, number]> }) => {
      for (const [key, at] of m.arrivals ?? []) {
        if (arrivals.has(key)) duplicates++;
        else arrivals.set(key, at);
      }
    });
  workers.forEach(listen);
  return { arrivals, duplicates: () => duplicates, listen };
}
