import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Analyzer } from '../../analysis/index.js';
import type { Database } from '../../store/schema.js';
import { workspaceAnalyzer } from '../moderation/workspace-analyzer.js';
import { langHint } from '../inbound/risk.js';
import { normalizePost, type NormalizedPost } from './normalize.js';
import { analysisKey, postToRead, reasonOf, type MentionAnalysis } from './read-posts.js';
import { readBatch } from './reader-pool.js';
import { newMentionId, storeMentions, termsOf, type MatchedMention, type StoredMention } from './mention-store.js';
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
  for (let i = 0; i < uris.length; i += 1000) {
    const rows = await ctx.store.db.selectFrom('listening_mentions').select('uri')
      .where('workspace_id', '=', workspaceId).where('uri', 'in', uris.slice(i, i + 1000)).execute();
    for (const r of rows) known.add(r.uri);
  }
  return known;
}

/**
 * One batch a source read, for one workspace: normalised (what cannot be is set aside with its reason), analysed
 * (each distinct text once), matched against the workspace's topics (what matches none is dropped), grouped with
 * its near-duplicates and reposts, stored with the source's cursor in one transaction, then counted by the
 * radar and announced to the open listening screens.
 */
export async function ingestPosts(ctx: AppContext, target: ListeningTarget, posts: readonly ListeningPost[], opts: ListeningIngestOptions = {}): Promise<ListeningIngestResult> {
  const now = ctx.clock.now();
  const { workspaceId } = target;
  const setAside: ListeningIngestResult['setAside'] = [];
  const normalized = normalizeAll(posts, now, setAside);
  const known = normalized.length > 0 ? await alreadyStored(ctx, workspaceId, normalized.map((p) => p.uri)) : new Set<string>();
  const fresh = normalized.filter((p) => !known.has(p.uri));
  const matched: MatchedMention[] = [];
  if (fresh.length > 0) {
    const [topics, analyzer] = await Promise.all([topicIndexFor(ctx.store.db, workspaceId, now), workspaceAnalyzer(ctx, workspaceId)]);
    const done = opts.analyses?.get(analyzer) ?? new Map<string, MentionAnalysis>();
    opts.analyses?.set(analyzer, done);
    const toRead = fresh.map((post) => postToRead(post, done.get(analysisKey(langHint(post.languages), post.text))?.language.code));
    const read = await readBatch(toRead, topics, analyzer, (err) => {
      ctx.log.warn({ event: 'listening.reader_failed', workspaceId, err }, 'listening reader thread failed; batches are read on the main thread for a while');
    });
    const groups = groupsByStore.get(ctx.store.db) ?? new MentionGroups();
    groupsByStore.set(ctx.store.db, groups);
    for (const [i, post] of fresh.entries()) {
      const r = read[i]!;
      if ('error' in r) {
        setAside.push({ uri: post.uri, reason: r.error });
        continue;
      }
      if (r.topicIds.length === 0) continue;
      try {
        const key = analysisKey(toRead[i]!.hint, post.text);
        const analysis = r.analysis ?? done.get(key)!;
        done.set(key, analysis);
        const id = newMentionId(post.createdAt);
        const clusterId = groups.place(workspaceId, id, post.uri, post.text, post.repostOf, r.signature);
        matched.push({ id, post, analysis, topicIds: r.topicIds, clusterId, terms: termsOf(post, analysis) });
      } catch (err) {
        setAside.push({ uri: post.uri, reason: reasonOf(err) });
      }
    }
  }
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const rows = await storeMentions(trx, workspaceId, target.sourceId, matched, now);
    if (target.sourceId && rows.length > 0) {
      await trx.updateTable('listening_sources').set((eb) => ({ mention_count: eb('mention_count', '+', rows.length) })).where('id', '=', target.sourceId).execute();
    }
    await opts.advance?.(trx);
    return rows;
  }).catch((err: unknown) => {
    // The groups remember mentions that were never stored: a retry would join them to ids that do not exist.
    if (matched.length > 0) groupsByStore.get(ctx.store.db)?.forget(workspaceId);
    throw err;
  });
  for (const s of setAside) {
    // The reason, never the text: what networks say stays out of the logs.
    ctx.log.warn({ event: 'listening.set_aside', workspaceId, sourceId: target.sourceId, uri: s.uri, reason: s.reason }, 'listening post set aside');
  }
  if (stored.length > 0) await afterMentionsStored(ctx, workspaceId, target.sourceId, stored);
  return { received: posts.length, matched: matched.length, stored, setAside };
}
