import { AtUri, type AtpAgent } from '@atproto/api';
import { z } from 'zod';
import type { ThreadContextEntry } from '../types.js';
import { toConnectorError } from './errors.js';
import { cap, capHandle, InboundPostRecord, isoDate, MAX_CONTEXT } from './hostile.js';
import type { BasicAuthor } from './profiles.js';

const PostView = z
  .object({
    uri: z.string(),
    cid: z.string(),
    author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional(), avatar: z.string().optional() }).loose(),
    record: z.unknown(),
  })
  .loose();

const THREAD_POST = 'app.bsky.feed.defs#threadViewPost';

export interface ThreadPost {
  uri: string;
  cid: string;
  author: BasicAuthor;
  record: InboundPostRecord;
}

export interface Thread {
  post: ThreadPost;
  /** The posts above it, oldest first; a deleted or blocked one ends the chain. */
  context: ThreadContextEntry[];
}

function threadPost(node: unknown): ThreadPost | null {
  const { $type, post } = (node ?? {}) as { $type?: unknown; post?: unknown };
  if ($type !== THREAD_POST) return null;
  const view = PostView.safeParse(post);
  if (!view.success) return null;
  const record = InboundPostRecord.safeParse(view.data.record);
  if (!record.success) return null;
  return { uri: view.data.uri, cid: view.data.cid, author: view.data.author, record: record.data };
}

/** A post as the AppView indexed it, with the posts above it; null when the AppView does not have it. */
export async function readThread(agent: AtpAgent, uri: string): Promise<Thread | null> {
  let thread: unknown;
  try {
    ({ data: { thread } } = await agent.app.bsky.feed.getPostThread({ uri, depth: 0, parentHeight: MAX_CONTEXT }));
  } catch (err) {
    const mapped = toConnectorError(err);
    // The AppView answers NotFound for a post it has not indexed or that was deleted.
    if (mapped.kind === 'gone' || mapped.networkCode === 'NotFound') return null;
    throw mapped;
  }
  const post = threadPost(thread);
  if (!post) return null;
  const context: ThreadContextEntry[] = [];
  for (let node = (thread as { parent?: unknown }).parent; context.length < MAX_CONTEXT; node = (node as { parent?: unknown }).parent) {
    const above = threadPost(node);
    if (!above) break;
    context.unshift({
      ref: { id: above.uri, cid: above.cid },
      authorHandle: capHandle(above.author.handle),
      text: cap(above.record.text),
      createdAt: isoDate(above.record.createdAt) ?? new Date(0).toISOString(),
    });
  }
  return { post, context };
}

/** The post's page on bsky.app. */
export function postUrl(uri: string): string {
  const at = new AtUri(uri);
  return `https://bsky.app/profile/${at.host}/post/${at.rkey}`;
}
