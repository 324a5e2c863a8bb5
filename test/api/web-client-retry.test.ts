import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner } from '../helpers/client.js';
import { request } from '../../web/api/client.js';

/**
 * The web app's API client against a real Ruche, through a network that loses answers: the request
 * reaches the server and is handled, and the browser sees only a failed fetch.
 */
describe("the web client's retries", () => {
  let ruche: TestRuche;
  let workspaceId: string;
  let cookie: string;
  const sent: Array<Record<string, string>> = [];
  let answersToLose = 0;

  beforeAll(async () => {
    ruche = await startTestRuche('sqlite');
    ({ workspaceId } = await setupOwner(ruche.url));
    const signIn = await fetch(`${ruche.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
    });
    cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
      const headers = { ...(init.headers as Record<string, string>), cookie };
      sent.push(headers);
      const res = await realFetch(ruche.url + input, { ...init, headers });
      if (answersToLose > 0) {
        answersToLose--;
        await res.arrayBuffer();
        throw new TypeError('fetch failed');
      }
      return res;
    });
  });
  afterEach(() => {
    sent.length = 0;
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await ruche?.stop();
  });

  const postsWith = async (text: string) => {
    const { items } = await request<{ items: Array<{ body: string }> }>('GET', `/workspaces/${workspaceId}/posts?unscheduled=true`);
    return items.filter((p) => p.body === text).length;
  };

  it('creates one post when the answer to the create is lost and the client retries', async () => {
    answersToLose = 1;
    const post = await request<{ id: string; body: string }>('POST', `/workspaces/${workspaceId}/posts`, { body: 'Lost answer', accountIds: [] });
    expect(post.body).toBe('Lost answer');
    expect(sent).toHaveLength(2);
    expect(sent[0]['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]['Idempotency-Key']).toBe(sent[0]['Idempotency-Key']);
    expect(await postsWith('Lost answer')).toBe(1);
  });

  it('uses a new key for each action', async () => {
    await request('POST', `/workspaces/${workspaceId}/posts`, { body: 'Twice on purpose', accountIds: [] });
    await request('POST', `/workspaces/${workspaceId}/posts`, { body: 'Twice on purpose', accountIds: [] });
    expect(sent[0]['Idempotency-Key']).not.toBe(sent[1]['Idempotency-Key']);
    expect(await postsWith('Twice on purpose')).toBe(2);
  });
});
