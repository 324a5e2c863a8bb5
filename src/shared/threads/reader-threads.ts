import type { Worker } from 'node:worker_threads';

/**
 * What a pooled thread posts back: the answer to the request `id`, or its `error`. An `id` of -1 says the thread
 * itself can no longer work (a message it was sent failed), and the pool ends it.
 */
export interface ThreadReply {
  id: number;
  error?: string;
}

/** A thread as a request sees it: what the pool keeps for it (`state`), and the way to send it messages. */
export interface PooledThread<S> {
  readonly state: S;
  post(message: unknown): void;
}

export interface ReaderThreadsOptions<S> {
  /** Names the threads in errors: "listening reader". */
  name: string;
  start: () => Worker;
  /** The most threads at once. */
  size: () => number;
  /** What the pool keeps per thread for the module (what was sent to it, say). */
  newState: () => S;
  /** A thread that has not answered in this long is taken as stuck and ended. */
  timeoutMs: number;
  /** A thread idle this long ends; the next request starts one again. */
  idleMs?: number;
  /** After a thread failed, requests are answered by their fallback for this long before threads are tried again. */
  restMs?: number;
}

interface Thread<R, S> extends PooledThread<S> {
  worker: Worker;
  pending: Map<number, { resolve: (reply: R) => void; reject: (e: Error) => void }>;
  idle: NodeJS.Timeout | null;
  stopped: boolean;
  fail: (err: Error) => void;
}

/**
 * A pool of threads that take work off the thread answering HTTP or storing batches, each answering requests in
 * turn. Threads start when every running one is busy, up to `size`, and end when idle; an idle thread does not keep
 * the process alive, one with requests under way does, as the work would. When a thread fails, its requests and the
 * next ones for a while are answered by each request's fallback, on the calling thread.
 */
export class ReaderThreads<R extends ThreadReply, S = undefined> {
  private readonly threads: Thread<R, S>[] = [];
  private nextId = 1;
  private failedAt = -Infinity;
  private answered = 0;

  constructor(private readonly options: ReaderThreadsOptions<S>) {}

  /** Requests answered by threads so far, and the threads running: what a test checks. */
  stats() {
    return { answered: this.answered, threads: this.threads.length };
  }

  /** True for a while after a thread failed: requests then go to their fallback at once. */
  get resting() {
    return Date.now() - this.failedAt < (this.options.restMs ?? 60_000);
  }

  /**
   * Sends a request with `send` (which posts to the thread whatever it needs, ending with the request carrying `id`)
   * and gives `take` of the reply. `inline` answers instead when threads rest, when the request could not be handed
   * over, or when the thread failed or replied with an error; `onFallback` hears why, but for resting.
   */
  async ask<T>(
    send: (thread: PooledThread<S>, id: number) => void, take: (reply: R) => T,
    inline: () => T | Promise<T>, onFallback?: (err: unknown) => void,
  ): Promise<T> {
    if (this.resting) return inline();
    let thread: Thread<R, S> | undefined;
    let answer: Promise<R>;
    try {
      thread = this.pick();
      if (thread.idle) clearTimeout(thread.idle);
      const id = this.nextId++;
      send(thread, id);
      const { pending, worker } = thread;
      answer = new Promise<R>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.ref();
    } catch (err) {
      // Threads could not be had, or the request could not be handed over: it is answered here, and so are the next
      // ones for a while.
      this.failedAt = Date.now();
      if (thread?.pending.size === 0) this.idleLater(thread);
      onFallback?.(err);
      return inline();
    }
    const asked = thread;
    const stuck = setTimeout(() => asked.fail(new Error(`${this.options.name} did not answer`)), this.options.timeoutMs);
    stuck.unref();
    try {
      const reply = await answer;
      this.answered++;
      return take(reply);
    } catch (err) {
      onFallback?.(err);
      return inline();
    } finally {
      clearTimeout(stuck);
    }
  }

  /** The least busy thread, or a new one while there are fewer than `size` and every one is busy. */
  private pick(): Thread<R, S> {
    const least = this.threads.reduce<Thread<R, S> | null>((a, b) => (a === null || b.pending.size < a.pending.size ? b : a), null);
    if (least && (least.pending.size === 0 || this.threads.length >= this.options.size())) return least;
    const thread = this.start();
    this.threads.push(thread);
    return thread;
  }

  private start(): Thread<R, S> {
    const { name } = this.options;
    const worker = this.options.start();
    worker.unref();
    const thread: Thread<R, S> = {
      worker, state: this.options.newState(), pending: new Map(), idle: null, stopped: false,
      post: (message) => worker.postMessage(message),
      fail: (err) => {
        if (thread.stopped && thread.pending.size === 0) return;
        this.failedAt = Date.now();
        this.stop(thread);
        for (const p of thread.pending.values()) p.reject(err);
        thread.pending.clear();
      },
    };
    worker.on('message', (reply: R) => {
      if (reply.id === -1) return thread.fail(new Error(`${name}: ${reply.error}`));
      const p = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if (reply.error === undefined) p?.resolve(reply);
      else p?.reject(new Error(`${name}: ${reply.error}`));
      if (thread.pending.size === 0) this.idleLater(thread);
    });
    worker.on('error', thread.fail);
    worker.on('exit', (code) => thread.fail(new Error(`${name} ended (${code})`)));
    return thread;
  }

  private idleLater(thread: Thread<R, S>) {
    thread.worker.unref();
    if (thread.idle) clearTimeout(thread.idle);
    thread.idle = setTimeout(() => thread.pending.size === 0 && this.stop(thread), this.options.idleMs ?? 60_000);
    thread.idle.unref();
  }

  private stop(thread: Thread<R, S>) {
    thread.stopped = true;
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    if (thread.idle) clearTimeout(thread.idle);
    void thread.worker.terminate();
  }
}
