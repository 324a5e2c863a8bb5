import { expect } from 'vitest';
import type { TestClient } from './client.js';
import type { TestRuche } from './ruche.js';
import { saveConnection } from '../../src/modules/accounts/service.js';

/** Connects an account of the local test network directly, as the connect flow would after its handshake. */
export async function connectLocalAccount(ruche: TestRuche, workspaceId: string, userId: string, handle: string) {
  return saveConnection(ruche.ctx, {
    workspaceId, userId, network: 'bluesky', serviceUrl: 'https://local.test',
    credentials: { network: 'bluesky', account: handle }, account: { id: `did:local:${handle}`, handle, displayName: handle, followers: null }, ip: null,
  });
}

/** Polls a post until its status is one of `wanted`, failing with its last state otherwise. */
export async function waitForStatus(client: TestClient, workspaceId: string, postId: string, wanted: string[], tries = 200) {
  let last: any = null;
  for (let i = 0; i < tries; i++) {
    last = (await client.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`)).body;
    if (wanted.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect.fail(`post stayed ${last?.status}, wanted ${wanted.join('|')}: ${JSON.stringify(last)}`);
}

export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

export async function history(client: TestClient, workspaceId: string, postId: string): Promise<string[]> {
  const res = await client.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}/history`);
  return res.body.items.map((e: { kind: string }) => e.kind);
}
