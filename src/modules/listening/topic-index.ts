import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { compileTopics, type TopicIndex, type TopicQuery } from './query/index.js';

/** A workspace's topics, compiled; and whether any filters on language, which then must be known before matching. */
export interface CompiledTopics {
  index: TopicIndex;
  usesLanguage: boolean;
  /** The queries it was compiled from (another thread compiles the same index from them). */
  topics: TopicQuery[];
}

interface Cached {
  index: Promise<CompiledTopics>;
  /** The topics' latest change and how many when built. */
  stamp: string;
  checkedAt: number;
}

const cache = new Map<string, Cached>();
const MAX_CACHED = 500;
/** How often a cached index checks whether another process changed the workspace's topics. */
const CHECK_MS = 2_000;

async function stampOf(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const row = await db.selectFrom('listening_topics').select((eb) => [eb.fn.max('updated_at').as('latest'), eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).executeTakeFirst();
  return `${row?.latest ?? 0}:${row?.n ?? 0}`;
}

export const usesLanguage = (topics: readonly TopicQuery[]) => topics.some((t) => /lang:/i.test(t.query));

async function build(db: Kysely<Database>, workspaceId: string): Promise<CompiledTopics> {
  const topics = await db.selectFrom('listening_topics').select(['id', 'query']).where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).execute();
  return { index: compileTopics(topics), usesLanguage: usesLanguage(topics), topics };
}

/**
 * The workspace's live topics compiled once into one index; rebuilt when a topic changes (here at once, in other
 * processes within a few seconds).
 */
export async function topicIndexFor(db: Kysely<Database>, workspaceId: string, now = Date.now()): Promise<CompiledTopics> {
  const cached = cache.get(workspaceId);
  if (cached && now - cached.checkedAt < CHECK_MS) return cached.index;
  const stamp = await stampOf(db, workspaceId);
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.index;
  }
  const index = build(db, workspaceId);
  if (cache.size >= MAX_CACHED && !cached) cache.delete(cache.keys().next().value!);
  cache.set(workspaceId, { index, stamp, checkedAt: now });
  index.catch(() => cache.delete(workspaceId));
  return index;
}

/** A topic of the workspace changed in this process: the next batch compiles again. */
export function topicsChanged(workspaceId: string): void {
  cache.delete(workspaceId);
}
