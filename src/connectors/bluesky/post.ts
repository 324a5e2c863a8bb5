import { AtUri, RichText, type AtpAgent } from '@atproto/api';
import type { MediaInput, OutgoingPost, PostRef } from '../types.js';
import { toConnectorError } from './errors.js';
import { GetRecordAnswer, PostRecord } from './schemas.js';

export const POST = 'app.bsky.feed.post';

/** The stored post at `uri`, checked, or null when the repository has no such record. */
export async function readPost(agent: AtpAgent, uri: string): Promise<{ uri: string; cid: string; record: PostRecord } | null> {
  const at = new AtUri(uri);
  try {
    const { data } = await agent.com.atproto.repo.getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey });
    const answer = GetRecordAnswer.parse(data);
    return { uri: answer.uri, cid: answer.cid ?? '', record: PostRecord.parse(answer.value) };
  } catch (err) {
    const mapped = toConnectorError(err);
    if (mapped.kind === 'gone') return null;
    throw mapped;
  }
}

/** Links, hashtags and mentions become facets; a mention whose handle does not resolve stays plain text. */
async function richText(agent: AtpAgent, text: string) {
  const rt = new RichText({ text });
  await rt.detectFacets(agent);
  const facets = rt.facets?.filter((f) => f.features.every((feat) => !('did' in feat) || Boolean(feat.did)));
  return { text: rt.text, facets: facets?.length ? facets : undefined };
}

async function images(agent: AtpAgent, media: MediaInput[]) {
  const uploaded = [];
  for (const m of media) {
    const { data } = await agent.com.atproto.repo.uploadBlob(m.bytes, { encoding: m.mimeType });
    const aspectRatio = m.width && m.height ? { width: m.width, height: m.height } : undefined;
    uploaded.push({ image: data.blob, alt: m.alt ?? '', ...(aspectRatio ? { aspectRatio } : {}) });
  }
  return { $type: 'app.bsky.embed.images', images: uploaded };
}

/** A reply names its parent and the thread's root; the root comes from the parent's own record. */
async function replyRefs(agent: AtpAgent, to: PostRef) {
  const parent = await readPost(agent, to.id);
  if (!parent) return null;
  const parentRef = { uri: parent.uri, cid: to.cid ?? parent.cid };
  return { root: parent.record.reply?.root ?? parentRef, parent: parentRef };
}

export async function buildRecord(agent: AtpAgent, post: OutgoingPost, createdAt: string) {
  const { text, facets } = await richText(agent, post.text);
  const record: Record<string, unknown> = { $type: POST, text, createdAt };
  if (facets) record.facets = facets;
  if (post.languages?.length) record.langs = post.languages.slice(0, 3);
  if (post.media?.length) record.embed = await images(agent, post.media);
  if (post.replyTo) {
    const reply = await replyRefs(agent, post.replyTo);
    if (!reply) return { record, missingParent: true };
    record.reply = reply;
  }
  return { record, missingParent: false };
}
