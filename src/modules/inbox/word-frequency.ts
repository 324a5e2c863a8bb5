import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { pgSearchTerm, type ResolvedSearch } from './search.js';

/**
 * PostgreSQL's own statistics of the inbox (pg_stats, kept by ANALYZE and autovacuum): the share of items holding
 * each of the commonest search words (each word carries its workspace, migration 0048) and each workspace's share
 * of the items. A search newest first reads them to tell whether its page can be among the newest items before it
 * looks there: a word too rare to fill a page from them goes straight to the text index.
 */
interface WordStats {
  /** Share of all items holding the word, for the words PostgreSQL counted as most common. */
  words: Map<string, number>;
  /** The smallest of those shares: any word not listed is held by fewer items (or was not seen in the sample). */
  floor: number;
  /** Share of all items in the workspace, for the workspaces PostgreSQL counted as most common. */
  workspaces: Map<string, number>;
}

/** Statistics change with ANALYZE, at most every few minutes on a busy inbox: read again after this long. */
const FRESH_MS = 5 * 60_000;

interface Kept { at: number; stats: Promise<WordStats | null> }
const kept = new WeakMap<Kysely<Database>, Kept>();

type StatsRow = { attname: string; elems: string[] | null; elem_freqs: number[] | null; vals: string[] | null; freqs: number[] | null };

async function readStats(db: Kysely<Database>): Promise<WordStats | null> {
  const { rows } = await sql<StatsRow>`
    select attname, most_common_elems::text::text[] as elems, most_common_elem_freqs as elem_freqs,
           most_common_vals::text::text[] as vals, most_common_freqs as freqs
    from pg_stats
    where schemaname = current_schema() and tablename = 'inbox_items' and attname in ('search_vector', 'workspace_id')`.execute(db);
  const vector = rows.find((r) => r.attname === 'search_vector');
  const workspace = rows.find((r) => r.attname === 'workspace_id');
  if (!vector?.elems?.length || !vector.elem_freqs) return null;
  // The element frequencies end with three more figures (the smallest, the largest, the share of nulls).
  const shares = vector.elem_freqs.slice(0, vector.elems.length).map(Number);
  return {
    words: new Map(vector.elems.map((w, i) => [w, shares[i]!])),
    floor: Math.min(...shares),
    workspaces: new Map((workspace?.vals ?? []).map((w, i) => [w, Number(workspace!.freqs![i])])),
  };
}

/** The statistics, read at most every FRESH_MS; null where PostgreSQL has none yet (a table never analysed). */
function statsOf(db: Kysely<Database>, now: number): Promise<WordStats | null> {
  const k = kept.get(db);
  if (k && now - k.at < FRESH_MS) return k.stats;
  // A failed read (a role without access to the statistics) answers null: the search then does as without them.
  const stats = readStats(db).catch(() => null);
  kept.set(db, { at: now, stats });
  return stats;
}

/**
 * At most how many of `scanned` newest items of the workspace may hold every word of the search: PostgreSQL's
 * share of items holding the least common word (or the floor, for a word it did not list), against the
 * workspace's share of all items. Null when that cannot be bounded (no statistics; a workspace too small to be
 * listed, whose newest items are then most of its items anyway).
 */
export async function mostRecentMatches(db: Kysely<Database>, workspaceId: string, search: ResolvedSearch, scanned: number): Promise<number | null> {
  const stats = await statsOf(db, Date.now());
  if (!stats) return null;
  const share = stats.workspaces.get(workspaceId);
  if (!share) return null;
  const held = (word: string) => stats.words.get(pgSearchTerm(workspaceId, word)) ?? stats.floor;
  const { words, completions } = search;
  // The last word may be the start of several: its items are at most the sum of theirs. Matched as a prefix of
  // too many words to list, it is common by definition.
  if (!completions) return null;
  const shares = [...words.slice(0, -1).map(held), completions.reduce((sum, w) => sum + held(w), 0)];
  return (scanned * Math.min(...shares)) / share;
}
