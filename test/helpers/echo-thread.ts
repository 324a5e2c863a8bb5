import { parentPort } from 'node:worker_threads';

/** A pooled thread for the pool's tests: it echoes, fails, goes silent or ends, as each request asks. */
export type EchoRequest = { id: number; kind: 'echo' | 'fail' | 'silent' | 'end' | 'broken'; value?: string; delayMs?: number };
export type EchoReply = { id: number; value?: string; error?: string };

parentPort!.on('message', (msg: EchoRequest) => {
  if (msg.kind === 'end') process.exit(3);
  if (msg.kind === 'silent') return;
  if (msg.kind === 'broken') return parentPort!.postMessage({ id: -1, error: 'cannot go on' } satisfies EchoReply);
  const reply: EchoReply = msg.kind === 'fail' ? { id: msg.id, error: `no ${msg.value}` } : { id: msg.id, value: `echo ${msg.value}` };
  setTimeout(() => parentPort!.postMessage(reply), msg.delayMs ?? 0);
});
