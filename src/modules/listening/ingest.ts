import { CompiledQuery, PostgresAdapter, type Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Analyzer } from '../../analysis/index.js';
import type { Database } from '../../store/schema.js';
import { workspaceAnalyzer } from '../moderation/workspace-analyzer.js';
import { langHint } from '../inbound/risk.js';
import { normalizePost, type NormalizedPost } from './normalize.js';
import { analysisKey, postToRead, reasonOf, type MentionAnalysis, type PostToRead, type ReadResult } from './read-posts.js';
import { readBatch } from './reader-pool.js';
import { addCopies, mentionsCommitted, newMentionId, storeMentions, termsOf, type MatchedMention, type StoredMention } from './mention-store.js';
import { MentionGroups } from './near-duplicates.js';
import { topicIndexFor } from './topic-index.js';
import { afterMentionsStored } from './after-store.js';
import type { ListeningPost } from './types.js';

/** Where a batch goes: a workspace, and the source of that workspace that read it. */
export interface ListeningTarget {
  workspaceId: string;
  sourceId: string | null;
}

export interface ListeningIngestResult {
  received: number;
  /** Posts that matched at least one topic (stored now or before). */
  matched: number;
  /** Mentions created now. */
  stored: StoredMention[];
  setAside: { uri: string | null; reason: string }[];
}

export interface ListeningIngestOptions {
  /** Moves the source's cursor past the batch, in the same transaction as its mentions. */
  advance?: (trx: Transaction<Database>) => Promise<void>;
  /**
   * Analyses already made for these texts by this batch for another workspace (a network stream serves many):
   * keyed by analyzer and text, filled as texts are analysed.
   */
  analyses?: WeakMap<Analyzer, Map<string, MentionAnalysis>>;
}

const groupsByStore = new WeakMap<object, MentionGroups>();

function normalizeAll(posts: readonly ListeningPost[], now: number, setAside: ListeningIngestResult['setAside']): NormalizedPost[] {
  const byUri = new Map<string, NormalizedPost>();
  for (const raw of posts) {
    try {
      const p = normalizePost(raw, now);
      if (!byUri.has(p.uri)) byUri.set(p.uri, p);
    } catch (err) {
      setAside.push({ uri: typeof raw?.uri === 'string' ? raw.uri.slice(0, 200) : null, reason: reasonOf(err) });
    }
  }
  return [...byUri.values()];
}

async function alreadyStored(ctx: AppContext, workspaceId: string, uris: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  if (ctx.store.db.getExecutor().adapter instanceof PostgresAdapter) {
    // One array rather than a parameter per uri: the statement's text and plan are the same for every batch.
    const { rows } = await ctx.store.db.executeQuery<{ uri: string }>(CompiledQuery.raw(
      'select "uri" from "listening_mentions" where "workspace_id" = $1 and "uri" = any($2::text[])', [workspaceId, uris],
    ));
    for (const r of rows) known.add(r.uri);
    return known;
  }
  for (let i = 0; i < uris.length; i += 1000) {
    const rows = await ctx.store.db.selectFrom('listening_mentions').select('uri')
      .where('workspace_id', '=', workspaceId).where('uri', 'in', uris.slice(i, i + 1000)).execute();
    for (const r of rows) known.add(r.uri);
  }
  return known;
}

/** A batch read for one workspace (normalised, matched, analysed), not stored yet: reading it left nothing behind. */
export interface ReadIngest {
  target: ListeningTarget;
  received: number;
  now: number;
  fresh: NormalizedPost[];
  toRead: PostToRead[];
  read: ReadResult[];
  /** The batch's analyses by text, shared with the other workspaces the same batch goes to. */
  done: Map<string, MentionAnalysis>;
  setAside: ListeningIngestResult['setAside'];
}

/**
 * The first half of a batch: normalised (what cannot be is set aside with its reason), analysed (each distinct text
 * once), matched against the workspace's topics, on a reader thread for a large batch. `skip` are uris of the batch
 * ahead of this one, still being stored: it stores them, or fails and both are read again.
 */
export async function readIngest(
  ctx: AppContext, target: ListeningTarget, posts: readonly ListeningPost[], opts: Pick<ListeningIngestOptions, 'analyses'> & { skip?: ReadonlySet<string> } = {},
): Promise<ReadIngest> {
  const now = ctx.clock.now();
  const { workspaceId } = target;
  const setAside: ListeningIngestResult['setAside'] = [];
  const normalized = normalizeAll(posts, now, setAside).filter((p) => !opts.skip?.has(p.uri));
  const known = normalized.length > 0 ? await alreadyStored(ctx, workspaceId, normalized.map((p) => p.uri)) : new Set<string>();
  const fresh = normalized.filter((p) => !known.has(p.uri));
  const batch: ReadIngest = { target, received: posts.length, now, fresh, toRead: [], read: [], done: new Map(), setAside };
  if (fresh.length === 0) return batch;
  const [topics, analyzer] = await Promise.all([topicIndexFor(ctx.store.db, workspaceId, now), workspaceAnalyzer(ctx, workspaceId)]);
  batch.done = opts.analyses?.get(analyzer) ?? batch.done;
  opts.analyses?.set(analyzer, batch.done);
  // Texts another workspace's read of this batch analysed already (none when it is the first to read it).
  const done = batch.done;
  batch.toRead = fresh.map((post) => postToRead(post, done.size === 0 ? undefined : done.get(analysisKey(langHint(post.languages), post.text))?.language.code));
  batch.read = await readBatch(batch.toRead, topics, analyzer, (err) => {
    ctx.log.warn({ event: 'listening.reader_failed', workspaceId, err }, 'listening reader thread failed; batches are read on the main thread for a while');
  });
  // Kept for the other workspaces this batch goes to, which are read before any of them is stored.
  for (const [i, r] of batch.read.entries()) if ('analysis' in r && r.analysis) batch.done.set(analysisKey(batch.toRead[i]!.hint, fresh[i]!.text), r.analysis);
  return batch;
}

/**
 * The second half: what matched is grouped with its near-duplicates and reposts (here rather than when read, so that
 * groups only ever hold what is stored or being stored, in the order stored), stored with the source's cursor in one
 * transaction, then counted by the radar and announced to the open listening screens.
 */
export async function storeIngest(ctx: AppContext, batch: ReadIngest, opts: Pick<ListeningIngestOptions, 'advance'> = {}): Promise<ListeningIngestResult> {
  const { target, now, setAside, done } = batch;
  const { workspaceId } = target;
  const groups = groupsByStore.get(ctx.store.db) ?? new MentionGroups();
  groupsByStore.set(ctx.store.db, groups);
  const matched: MatchedMention[] = [];
  for (const [i, post] of batch.fresh.entries()) {
    const r = batch.read[i]!;
    if ('error' in r) {
      setAside.push({ uri: post.uri, reason: r.error });
      continue;
    }
    if (r.topicIds.length === 0) continue;
    try {
      const analysis = r.analysis ?? done.get(analysisKey(batch.toRead[i]!.hint, post.text))!;
      const id = newMentionId(post.createdAt);
      const clusterId = groups.place(workspaceId, id, post.uri, post.text, post.repostOf, r.signature);
      matched.push({ id, post, analysis, topicIds: r.topicIds, clusterId, terms: termsOf(post, analysis) });
    } catch (err) {
      setAside.push({ uri: post.uri, reason: reasonOf(err) });
    }
  }
  // Copies of a group whose first mention another batch is still storing are counted once both are stored.
  const later = groups.headsBeingStored(workspaceId, matched);
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const rows = await storeMentions(trx, workspaceId, target.sourceId, matched, now, later);
    if (target.sourceId && rows.length > 0) {
      await trx.updateTable('listening_sources').set((eb) => ({ mention_count: eb('mention_count', '+', rows.length) })).where('id', '=', target.sourceId).execute();
    }
    await opts.advance?.(trx);
    return rows;
  }).catch((err: unknown) => {
    // The groups remember mentions that were never stored: a retry would join them to ids that do not exist.
    if (matched.length > 0) groups.forget(workspaceId);
    throw err;
  });
  const copies = groups.stored(workspaceId, matched, stored, later);
  if (stored.length > 0) {
    await mentionsCommitted(ctx.store.db, workspaceId).catch((err: unknown) => {
      ctx.log.warn({ event: 'listening.version_failed', workspaceId, err }, 'listening analytics version not moved on; the next batch moves it');
    });
  }
  if (copies.size > 0) {
    await addCopies(ctx.store.db, copies).catch((err: unknown) => {
      ctx.log.warn({ event: 'listening.copies_failed', workspaceId, err }, 'listening copies not counted');
    });
  }
  for (const s of setAside) {
    // The reason, never the text: what networks say stays out of the logs.
    ctx.log.warn({ event: 'listening.set_aside', workspaceId, sourceId: target.sourceId, uri: s.uri, reason: s.reason }, 'listening post set aside');
  }
  if (stored.length > 0) await afterMentionsStored(ctx, workspaceId, target.sourceId, stored);
  return { received: batch.received, matched: matched.length, stored, setAside };
}

/**
 * One batch a source read, for one workspace: read (`readIngest`), then stored (`storeIngest`). A stream reads its
 * next batch while this one is stored (`readIngest` and `storeIngest` apart).
 */
export async function ingestPosts(ctx: AppContext, target: ListeningTarget, posts: readonly ListeningPost[], opts: ListeningIngestOptions = {}): Promise<ListeningIngestResult> {
  return storeIngest(ctx, await readIngest(ctx, target, posts, opts), opts);
}
