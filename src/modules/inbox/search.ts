import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Store } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import { foldText, searchWords } from './fold.js';

/**
 * SQLite's search index keys each item by its created_at in seconds above its rowid (migration 0029), so that
 * matches come newest first: `rowid % SEARCH_KEY_SHIFT` is the item's rowid again.
 */
export const SEARCH_KEY_SHIFT = 2147483648;

/** The last word of a search is completed from at most this many indexed words; past that, FTS5's own prefix match. */
const MAX_COMPLETIONS = 64;
/** A last word this short is searched whole: its completions would be most of the dictionary. */
const MIN_PREFIX = 3;

/** A search, its words as the index holds them, and the words the last one may be the start of. */
export interface ResolvedSearch {
  words: string[];
  /** Indexed words starting with the last word (itself included); null to match it as a prefix. */
  completions: string[] | null;
}

/** Words as FTS5's unicode61 tokenizer (remove_diacritics 2) indexes them: letters and digits, marks removed, lower case. */
export function indexTerms(text: string): string[] {
  const words = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];
  return [...new Set(words)];
}

/** Words as PostgreSQL's folded 'simple' vector holds them (the accents of fold.ts removed, lower case). */
function pgTerms(text: string): string[] {
  return [...new Set(foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [])];
}

const termsOf = (dialect: Store['dialect']) => (dialect === 'postgres' ? pgTerms : indexTerms);

/** Adds the words of newly stored texts to the dictionary the completions are read from. */
export async function rememberTerms(db: Kysely<Database>, dialect: Store['dialect'], texts: readonly string[]): Promise<void> {
  const terms = [...new Set(texts.flatMap(termsOf(dialect)))].filter((t) => t.length >= MIN_PREFIX).sort();
  for (let i = 0; i < terms.length; i += 400) {
    const part = terms.slice(i, i + 400);
    await db.insertInto('inbox_search_terms').values(part.map((term) => ({ term }))).onConflict((oc) => oc.column('term').doNothing()).execute();
  }
}

/** Reads what a search needs before its query is built: the completions of its last word. */
export async function resolveSearch(store: Store, q: string | undefined): Promise<ResolvedSearch | null> {
  if (!q) return null;
  const words = searchWords(q);
  if (words.length === 0) return { words, completions: null };
  const typed = words[words.length - 1]!;
  const last = termsOf(store.dialect)(typed)[0] ?? typed;
  if (last.length < MIN_PREFIX) return { words, completions: [last] };
  const rows = await store.db
    .selectFrom('inbox_search_terms')
    .select('term')
    .where('term', '>=', last)
    .where('term', '<', `${last}\u{10FFFF}`)
    .orderBy('term')
    .limit(MAX_COMPLETIONS + 1)
    .execute();
  if (rows.length > MAX_COMPLETIONS) return { words, completions: null };
  return { words, completions: [...new Set([last, ...rows.map((r) => r.term)])] };
}

const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** SQLite: the FTS5 query for a search within one workspace. */
export function ftsQuery(workspaceId: string, search: ResolvedSearch): string {
  const { words, completions } = search;
  const whole = words.slice(0, -1).map((w) => `text : ${phrase(w)}`);
  const last = words[words.length - 1]!;
  const lastPart = completions ? `text : (${completions.map(phrase).join(' OR ')})` : `text : ${phrase(last)} *`;
  return [`workspace_id : ${phrase(workspaceId.replaceAll('-', ''))}`, ...whole, lastPart].join(' AND ');
}

/** PostgreSQL: a word as the stored vector of an item of the workspace holds it (migration 0048). */
export const pgSearchTerm = (workspaceId: string, word: string) => `w${workspaceId.replaceAll('-', '')}_${word}`;

/**
 * PostgreSQL: the tsquery for a search within one workspace, as text for a `::tsquery` cast. Its stored vector holds
 * each word prefixed with the workspace (migration 0048), and so does the query: the cast takes the words as they
 * are, where to_tsquery would split a prefixed word at its '_'.
 */
export function tsQuery(workspaceId: string, search: ResolvedSearch): string {
  const quoted = (w: string) => `'${pgSearchTerm(workspaceId, w).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const { words, completions } = search;
  const last = completions ? `(${completions.map(quoted).join(' | ')})` : `${quoted(words[words.length - 1]!)}:*`;
  return [...words.slice(0, -1).map(quoted), last].join(' & ');
}

/**
 * The items of a workspace whose text holds every word of the search (accents and case ignored, the last word
 * also as the start of a word), as a condition on `i` (inbox_items): SQLite asks its FTS5 table, which indexes the
 * workspace id beside the words; PostgreSQL its GIN index on the stored, folded tsvector, whose words carry their workspace. Null when the search holds no word.
 */
export function textSearch(store: Store, workspaceId: string, search: ResolvedSearch): Expression<SqlBool> | null {
  const { words } = search;
  if (words.length === 0) return null;
  if (store.dialect === 'postgres') {
    return sql<SqlBool>`i.search_vector @@ ${tsQuery(workspaceId, search)}::tsquery`;
  }
  return sql<SqlBool>`i.rowid in (select rowid % ${sql.lit(SEARCH_KEY_SHIFT)} from inbox_items_fts where inbox_items_fts match ${ftsQuery(workspaceId, search)})`;
}
