/** Light answers and undoable moderation: likes, reposts, blocks, mutes, hidden replies. */
import { AtUri, type AtpAgent } from '@atproto/api';
import type { z } from 'zod';
import { ConnectorError } from '../errors.js';
import type { Author, PostRef } from '../types.js';
import { toConnectorError } from './errors.js';
import { rkeyFor } from './rkey.js';
import { Threadgate } from './schemas.js';

const LIKE = 'app.bsky.feed.like';
const REPOST = 'app.bsky.feed.repost';
const BLOCK = 'app.bsky.graph.block';
export const THREADGATE = 'app.bsky.feed.threadgate';

/** The subject's cid, read from the AppView when the caller does not have it (a like names both). */
async function strongRef(agent: AtpAgent, post: PostRef): Promise<{ uri: string; cid: string }> {
  if (post.cid) return { uri: post.id, cid: post.cid };
  const { data } = await agent.app.bsky.feed.getPosts({ uris: [post.id] });
  const found = data.posts.find((p) => p.uri === post.id);
  if (!found) throw new ConnectorError('bluesky', 'gone', 'This post no longer exists.');
  return { uri: found.uri, cid: found.cid };
}

/**
 * A like or a repost is a record whose key is derived from the subject: doing it twice writes the same record,
 * so the post is liked or reposted once.
 */
export async function putSubjectRecord(agent: AtpAgent, did: string, kind: 'like' | 'repost', post: PostRef, createdAt: string): Promise<void> {
  const collection = kind === 'like' ? LIKE : REPOST;
  const subject = await strongRef(agent, post);
  await agent.com.atproto.repo.putRecord({ repo: did, collection, rkey: rkeyFor(post.id, kind), record: { $type: collection, subject, createdAt } });
}

/** The block Ruche made (derived key), and any other the AppView knows of, as made in the Bluesky app. */
export async function removeBlock(agent: AtpAgent, did: string, author: Author): Promise<void> {
  await agent.com.atproto.repo.deleteRecord({ repo: did, collection: BLOCK, rkey: rkeyFor(author.id, 'block') });
  let blocking: string | undefined;
  try {
    blocking = (await agent.app.bsky.actor.getProfile({ actor: author.id })).data.viewer?.blocking;
  } catch (err) {
    if (toConnectorError(err).kind !== 'rejected') throw err;
  }
  if (!blocking) return;
  const at = new AtUri(blocking);
  if (at.host === did && at.collection === BLOCK) await agent.com.atproto.repo.deleteRecord({ repo: did, collection: BLOCK, rkey: at.rkey });
}

/** Takes `comment` out of the post's threadgate's hidden replies; nothing to do when it is not there. */
export async function unhideReply(agent: AtpAgent, did: string, post: PostRef, comment: PostRef): Promise<void> {
  const at = new AtUri(post.id);
  let gate: z.infer<typeof Threadgate>;
  try {
    const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection: THREADGATE, rkey: at.rkey });
    gate = Threadgate.parse(data.value);
  } catch (err) {
    if (toConnectorError(err).kind === 'gone') return;
    throw err;
  }
  const hidden = gate.hiddenReplies ?? [];
  if (!hidden.includes(comment.id)) return;
  const record = { ...gate, $type: THREADGATE, hiddenReplies: hidden.filter((uri) => uri !== comment.id) };
  await agent.com.atproto.repo.putRecord({ repo: did, collection: THREADGATE, rkey: at.rkey, record });
}
