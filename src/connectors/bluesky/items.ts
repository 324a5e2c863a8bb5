import { AtUri, type AtpAgent } from '@atproto/api';
import type { InboundAuthor, InboundItem, InboundKind, ThreadContextEntry } from '../types.js';
import { cap, capHandle, InboundPostRecord, isoDate, langs, MAX_CONTEXT, mentions, quotedRef } from './hostile.js';
import { readProfiles, toAuthor, type BasicAuthor } from './profiles.js';
import { postUrl, readThread, type ThreadPost } from './thread.js';

/** A post that names the account: what it is to the account (a reply, a quote, a mention), as read. */
export interface Candidate {
  kind: Exclude<InboundKind, 'message'>;
  uri: string;
  cid: string;
  author: BasicAuthor;
  record: InboundPostRecord;
}

/** Threads read at once: each parent costs one AppView call. */
const CONCURRENCY = 4;

const RANK: Record<Candidate['kind'], number> = { reply: 0, quote: 1, mention: 2 };

/** One candidate per post: a reply that also mentions the account is a reply. */
export function dedupe(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.uri);
    if (!seen || RANK[c.kind] < RANK[seen.kind]) best.set(c.uri, c);
  }
  return [...best.values()];
}

/** What the post is to the account `did`, read from its record; null when it does not concern it. */
export function kindFor(record: { reply?: { root: { uri: string }; parent: { uri: string } }; embed?: unknown; facets?: unknown }, did: string): Candidate['kind'] | null {
  const host = (uri: string) => {
    try {
      return new AtUri(uri).host;
    } catch {
      return null;
    }
  };
  if (record.reply && (host(record.reply.parent.uri) === did || host(record.reply.root.uri) === did)) return 'reply';
  const quoted = quotedRef(record.embed);
  if (quoted && host(quoted.uri) === did) return 'quote';
  if (mentions(record.facets, did)) return 'mention';
  return null;
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function toItem(post: Candidate, context: ThreadContextEntry[]): InboundItem {
  const { record, kind } = post;
  const quoted = quotedRef(record.embed);
  return {
    kind,
    ref: { id: post.uri, cid: post.cid },
    author: toAuthor(post.author),
    text: cap(record.text),
    createdAt: isoDate(record.createdAt) ?? new Date(0).toISOString(),
    url: postUrl(post.uri),
    parent: record.reply ? { id: record.reply.parent.uri, cid: record.reply.parent.cid } : null,
    root: record.reply ? { id: record.reply.root.uri, cid: record.reply.root.cid } : null,
    conversationId: null,
    quoted: quoted ? { id: quoted.uri, cid: quoted.cid } : null,
    languages: langs(record.langs),
    context,
  };
}

function contextEntry(post: ThreadPost): ThreadContextEntry {
  return { ref: { id: post.uri, cid: post.cid }, authorHandle: capHandle(post.author.handle), text: cap(post.record.text), createdAt: isoDate(post.record.createdAt) ?? new Date(0).toISOString() };
}

/** The posts above a reply: its parent and the parent's own ancestors, oldest first, nearest kept. */
async function contextAbove(agent: AtpAgent, parentUri: string): Promise<ThreadContextEntry[]> {
  const parent = await readThread(agent, parentUri);
  return parent ? [...parent.context, contextEntry(parent.post)].slice(-MAX_CONTEXT) : [];
}

/**
 * The candidates as inbox items: each with the posts above it (one thread read per parent, however many
 * replies it has) and its author's full profile. An author the AppView does not know keeps what the post said.
 */
export async function buildItems(agent: AtpAgent, candidates: Candidate[]): Promise<InboundItem[]> {
  const unique = dedupe(candidates);
  const parents = [...new Set(unique.flatMap((c) => (c.record.reply ? [c.record.reply.parent.uri] : [])))];
  const [contextList, profiles] = await Promise.all([
    mapLimited(parents, CONCURRENCY, async (uri) => [uri, await contextAbove(agent, uri)] as const),
    unique.length ? readProfiles(agent, unique.map((c) => c.author.did)) : new Map<string, InboundAuthor>(),
  ]);
  const contexts = new Map(contextList);
  return unique.map((c) => {
    const item = toItem(c, (c.record.reply && contexts.get(c.record.reply.parent.uri)) || []);
    return { ...item, author: profiles.get(c.author.did) ?? item.author };
  });
}
