/**
 * Collects items while a write is in flight and writes them together next: one statement per round trip
 * under load, and at most one event-loop turn of delay when idle.
 */
export interface Batcher<T> {
  add(item: T): Promise<void>;
  drain(): Promise<void>;
}

export function createBatcher<T>(write: (items: T[]) => Promise<void>, maxBatch = 1000): Batcher<T> {
  let pending: Array<{ item: T; resolve: () => void; reject: (err: unknown) => void }> = [];
  let flushing: Promise<void> | null = null;

  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        await write(batch.map((p) => p.item));
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    flushing = null;
  };

  return {
    add(item) {
      const done = new Promise<void>((resolve, reject) => pending.push({ item, resolve, reject }));
      // setImmediate: the jobs of one claimed batch finish in the same turn and share the first write.
      flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
      return done;
    },
    async drain() {
      while (flushing) await flushing;
    },
  };
}
