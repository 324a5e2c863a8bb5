import { describe, expect, it } from 'vitest';
import { ReaderThreads, type ReaderThreadsOptions } from '../../src/shared/threads/reader-threads.js';
import { startThread } from '../../src/shared/threads/start-thread.js';
import type { EchoReply, EchoRequest } from '../helpers/echo-thread.js';

const source = new URL('../helpers/echo-thread.ts', import.meta.url);

function pool(options: Partial<ReaderThreadsOptions<{ sent: number }>> = {}) {
  let states = 0;
  const threads = new ReaderThreads<EchoReply, { sent: number }>({
    name: 'echo reader', start: () => startThread(undefined, source), size: () => 2,
    newState: () => (states++, { sent: 0 }), timeoutMs: 10_000, ...options,
  });
  const failures: string[] = [];
  const ask = (kind: EchoRequest['kind'], value = 'x', delayMs = 0) =>
    threads.ask(
      (thread, id) => {
        thread.state.sent++;
        thread.post({ id, kind, value, delayMs } satisfies EchoRequest);
      },
      (reply) => reply.value!,
      () => `here ${value}`,
      (err) => failures.push(err instanceof Error ? err.message : String(err)),
    );
  return { threads, ask, failures, states: () => states };
}

describe('reader threads', () => {
  it('answers on threads, starting one more only while every running one is busy, up to the size', async () => {
    const { threads, ask, states } = pool();
    expect(await ask('echo', 'a')).toBe('echo a');
    expect(await ask('echo', 'b')).toBe('echo b');
    expect(threads.stats()).toEqual({ answered: 2, threads: 1 });
    const answers = await Promise.all(['c', 'd', 'e', 'f'].map((v) => ask('echo', v, 50)));
    expect(answers).toEqual(['echo c', 'echo d', 'echo e', 'echo f']);
    expect(threads.stats()).toEqual({ answered: 6, threads: 2 });
    expect(states()).toBe(2);
  });

  it('answers here when the thread replies with an error, and keeps its threads', async () => {
    const { threads, ask, failures } = pool();
    expect(await ask('fail', 'way')).toBe('here way');
    expect(failures).toEqual(['echo reader: no way']);
    expect(threads.resting).toBe(false);
    expect(await ask('echo', 'again')).toBe('echo again');
    expect(threads.stats()).toEqual({ answered: 1, threads: 1 });
  });

  it('answers here when a thread ends under a request, then rests, answering here without trying threads', async () => {
    const { threads, ask, failures } = pool();
    const slow = ask('echo', 'slow', 300);
    const ended = ask('end', 'gone');
    expect(await ended).toBe('here gone');
    expect(await slow).toMatch(/^(echo|here) slow$/);
    expect(failures.some((f) => f.startsWith('echo reader ended'))).toBe(true);
    expect(threads.resting).toBe(true);
    const told = failures.length;
    expect(await ask('echo', 'later')).toBe('here later');
    expect(failures).toHaveLength(told);
  });

  it('ends a thread that says it cannot go on, and one that does not answer in time', async () => {
    const broken = pool();
    expect(await broken.ask('broken', 'b')).toBe('here b');
    expect(broken.failures).toEqual(['echo reader: cannot go on']);
    expect(broken.threads.stats().threads).toBe(0);
    const silent = pool({ timeoutMs: 100 });
    expect(await silent.ask('silent', 's')).toBe('here s');
    expect(silent.failures).toEqual(['echo reader did not answer']);
    expect(silent.threads.stats().threads).toBe(0);
  });

  it('answers here when the request cannot be handed over', async () => {
    const { threads, failures } = pool();
    const answer = await threads.ask((thread, id) => thread.post({ id, kind: 'echo', value: () => 'a function' }), (r) => r.value!, () => 'here', (err) => failures.push(String(err)));
    expect(answer).toBe('here');
    expect(failures[0]).toMatch(/could not be cloned/);
    expect(threads.resting).toBe(true);
  });

  it('ends threads left idle', async () => {
    const { threads, ask } = pool({ idleMs: 50 });
    await ask('echo');
    expect(threads.stats().threads).toBe(1);
    await new Promise((r) => setTimeout(r, 400));
    expect(threads.stats().threads).toBe(0);
    expect(await ask('echo', 'back')).toBe('echo back');
  });
});
