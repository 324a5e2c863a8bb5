/**
 * Walking a Mastodon listing (notifications, conversations) newest first, one page per call, with a cursor that
 * holds the whole walk: where the walk is (the next page's max_id) and where it stops (what the previous walk
 * had delivered, or `since` on the first walk). A walk interrupted half-way resumes from the last cursor handed
 * out. since_id is sent, for the servers that honour it, but never trusted: compatible servers ignore it and
 * their ids are not ordered, so the walk stops on what it recognises (a time floor with an overlap, and the ids
 * seen within that overlap), as readNewer does in cursor.ts. Items are de-duplicated by id; the store does too.
 */
import { z } from 'zod';
import { nextMaxId } from './paging.js';

export interface WalkItem {
  id: string;
  created_at: string;
}

/** What a walk stops at: items older than `floor`, or listed in `seen`, were delivered already. */
const Mark = z.object({ floor: z.number().nullable(), seen: z.array(z.tuple([z.string(), z.number()])) });
type Mark = z.infer<typeof Mark>;

const Walk = z.object({
  /** The next page's max_id; null before the first page. */
  maxId: z.string().nullable(),
  until: Mark,
  /** Where the next walk will stop: the newest items delivered so far, with the overlap. */
  top: Mark,
  /** The id at the head of this walk's first page: the next walk's since_id. */
  head: z.string().nullable(),
  /** Ids of the last page read: a server that ignores max_id hands them out again, which ends the walk. */
  last: z.array(z.string()),
  reachedBack: z.string().nullable(),
});

const State = z.object({
  v: z.literal(2),
  /** Where the last finished walk started; null before the first walk ends. */
  done: Mark.nullable(),
  sinceId: z.string().nullable(),
  walk: Walk.nullable(),
});
type State = z.infer<typeof State>;

export const WALK_PAGE_SIZE = 40;
/** How far before the newest delivered time items are remembered by id rather than cut off by time. */
export const OVERLAP_MS = 5 * 60_000;

export type PageQuery = { limit: string; max_id?: string; since_id?: string };
export type FetchPage<T> = (query: PageQuery) => Promise<{ items: T[]; headers: Headers }>;

export interface WalkPage<T> {
  /** Items this walk had not delivered yet, newest first. */
  fresh: T[];
  more: boolean;
  reachedBack: string | null;
  /** Whether an item found beside the listed ones (an earlier message of a conversation) is new to this walk. */
  isNew(item: WalkItem): boolean;
  /** The cursor after this page, remembering `extra` items delivered with the listed ones. */
  cursor(extra?: WalkItem[]): string;
}

const timeOf = (item: { created_at: string }) => {
  const t = Date.parse(item.created_at);
  return Number.isFinite(t) ? t : 0;
};

export async function walkPage<T extends WalkItem>(cursor: string | null, since: string, fetchPage: FetchPage<T>): Promise<WalkPage<T>> {
  const state = (cursor === null ? null : decode(cursor)) ?? { v: 2 as const, done: null, sinceId: null, walk: null };
  const sinceMark: Mark = { floor: Number.isFinite(Date.parse(since)) ? Date.parse(since) : null, seen: [] };
  const until = state.done ?? sinceMark;
  const walk = state.walk ?? { maxId: null, until, top: until, head: null, last: [], reachedBack: null };
  const first = walk.maxId === null;
  const { items, headers } = await fetchPage({
    limit: String(WALK_PAGE_SIZE),
    max_id: walk.maxId ?? undefined,
    since_id: state.sinceId ?? undefined,
  });
  const fresh: T[] = [];
  const ids = new Set<string>();
  let reachedOld = false;
  // The whole page is read even past an old item: one stored late can sit below it.
  for (const item of items) {
    if (isBefore(item, walk.until)) reachedOld = true;
    else if (!walk.last.includes(item.id) && !ids.has(item.id)) {
      ids.add(item.id);
      fresh.push(item);
    }
  }
  const head = first ? (items.find((i) => !isBefore(i, walk.until))?.id ?? null) : walk.head;
  const oldest = fresh.reduce<string | null>((acc, i) => (acc === null || timeOf(i) < Date.parse(acc) ? new Date(timeOf(i)).toISOString() : acc), walk.reachedBack);
  const finished = reachedOld || items.length === 0 || fresh.length === 0;
  const cursorAfter = (extra: WalkItem[] = []) => {
    const top = markAfter(walk.top, [...fresh, ...extra]);
    const next: State = finished
      ? { v: 2, done: top, sinceId: head ?? state.sinceId, walk: null }
      : { ...state, walk: { ...walk, maxId: nextMaxId(headers) ?? items.at(-1)!.id, top, head, last: items.map((i) => i.id), reachedBack: oldest } };
    return encode(next);
  };
  return { fresh, cursor: cursorAfter, more: !finished, reachedBack: oldest, isNew: (item) => !isBefore(item, walk.until) };
}

function isBefore(item: WalkItem, mark: Mark): boolean {
  if (mark.seen.some(([id]) => id === item.id)) return true;
  return mark.floor !== null && timeOf(item) < mark.floor;
}

/** The mark after delivering `items` as well: everything before the newest time, less the overlap, by time; the rest by id. */
function markAfter(previous: Mark, items: WalkItem[]): Mark {
  const all: [string, number][] = [...previous.seen, ...items.map((i): [string, number] => [i.id, timeOf(i)])];
  if (all.length === 0) return previous;
  const newest = Math.max(...all.map(([, at]) => at), previous.floor === null ? -Infinity : previous.floor + OVERLAP_MS);
  const floor = Math.max(newest - OVERLAP_MS, previous.floor ?? -Infinity);
  return { floor, seen: [...new Map(all.filter(([, at]) => at >= floor))] };
}

const PREFIX = 'w2.';

function encode(state: State): string {
  return PREFIX + Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** A cursor that cannot be read starts a first walk again: the store de-duplicates what comes twice. */
function decode(cursor: string): State | null {
  if (!cursor.startsWith(PREFIX)) return null;
  try {
    const parsed = State.safeParse(JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
