import crypto from 'node:crypto';
import type { TestRuche } from '../../helpers/ruche.js';
import type { TestClient } from '../../helpers/client.js';
import type { ListeningPost } from '../../../src/modules/listening/types.js';

/** A clock the test moves by hand; starts at the real time so that jobs queued now are due. */
export function manualClock(start = Date.now()) {
  let at = start;
  return { now: () => at, set: (ms: number) => void (at = ms), advance: (ms: number) => void (at += ms) };
}

export const listeningPath = (ws: string, p = '') => `/api/v1/workspaces/${ws}/listening${p}`;

/** A fresh workspace of the owner's, so that each test counts only its own mentions. */
export async function newWorkspace(owner: TestClient, name = `Listening ${crypto.randomBytes(3).toString('hex')}`): Promise<string> {
  const res = await owner.post('/api/v1/workspaces', { name });
  if (res.status !== 201) throw new Error(`workspace: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function addTopic(client: TestClient, ws: string, body: Record<string, unknown>): Promise<{ id: string; [k: string]: unknown }> {
  const res = await client.post(listeningPath(ws, '/topics'), { kind: 'brand', ...body });
  if (res.status !== 201) throw new Error(`topic: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let serial = 0;

/** A Bluesky post as a source yields it; `n` makes its uri. */
export function blueskyPost(text: string, extra: Partial<ListeningPost> & { n?: string | number; at?: number } = {}): ListeningPost {
  const { n = ++serial, at = Date.now(), ...rest } = extra;
  return {
    network: 'bluesky',
    uri: `at://did:plc:author/app.bsky.feed.post/${n}`,
    url: `https://bsky.app/profile/author.test/post/${n}`,
    author: { id: 'did:plc:author', handle: 'author.test', displayName: 'An Author', followers: 120 },
    text,
    createdAt: new Date(at).toISOString(),
    languages: ['en'],
    ...rest,
  };
}

export function mentionsOf(ruche: TestRuche, ws: string) {
  return ruche.ctx.store.db.selectFrom('listening_mentions').selectAll().where('workspace_id', '=', ws).orderBy('created_at').orderBy('id').execute();
}
