import { expect } from 'vitest';
import type { TestClient } from './client.js';

/** Reads server-sent events from a stream route at `url`, with the client's session cookie. */
export async function openEventStream(url: string, client: TestClient) {
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/event-stream' },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    /** The data of the next event of this name; events of other names are skipped. */
    async next(event: string): Promise<unknown> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name === event && data) return JSON.parse(data);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
      }
    },
    close: () => abort.abort(),
  };
}
