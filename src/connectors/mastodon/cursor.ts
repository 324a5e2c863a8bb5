/**
 * Reading "what is new since last time" from a Mastodon listing without trusting the server's cursors.
 * Compatible servers ignore since_id or min_id, and their ids are not ordered numbers, so the cursor we hand
 * out remembers what was delivered: the newest time, and the ids delivered shortly before it. Each read walks
 * back from the newest item, page by page, until it meets something already delivered; items are
 * de-duplicated by id. A burst longer than the page budget leaves a gap that the next reads fill.
 */
import { z } from 'zod';
import { nextMaxId } from './paging.js';

interface Item {
  id: string;
  created_at: string;
}

/** Where delivered items end: those older than `floor`, or listed in `seen`, were handed out already. */
const Mark = z.object({ floor: z.number().nullable(), seen: z.array(z.tuple([z.string(), z.number()])) });
type Mark = z.infer<typeof Mark>;

const State = z.object({
  v: z.literal(1),
  /** The newest delivered id: sent as since_id, for the servers that honour it. */
  newest: z.string().nullable(),
  top: Mark,
  /** Ranges not read yet: from `maxId` down to what `until` marks (`sinceId` being its newest id). */
  gaps: z.array(z.object({ maxId: z.string(), sinceId: z.string().nullable(), until: Mark })),
});
type State = z.infer<typeof State>;

export type PageQuery = Record<string, string | undefined>;
type Fetch<T> = (query: PageQuery) => Promise<{ items: T[]; headers: Headers }>;

const PAGE_SIZE = 40;
/** Pages read per call, over the top and the gaps together. */
const PAGE_BUDGET = 10;
/**
 * Items this close before the newest delivered time are remembered by id rather than cut off by time: clocks
 * of a server's processes disagree a little, and an item may be stored just after a later one was listed.
 */
const OVERLAP_MS = 60_000;

const timeOf = (item: Item) => {
  const t = Date.parse(item.created_at);
  return Number.isFinite(t) ? t : 0;
};

export async function readNewer<T extends Item>(cursor: string | undefined, fetchPage: Fetch<T>): Promise<{ items: T[]; cursor: string }> {
  const state = cursor === undefined ? null : decode(cursor);
  if (!state) {
    // The first read starts from now: the newest page, nothing older.
    const { items } = await fetchPage({ limit: String(PAGE_SIZE) });
    const fresh = [...new Map(items.map((i) => [i.id, i])).values()];
    return { items: fresh, cursor: encode({ v: 1, newest: fresh[0]?.id ?? null, top: markAfter(emptyMark(), fresh), gaps: [] }) };
  }
  const delivered = new Map<string, T>();
  let budget = PAGE_BUDGET;
  let newest = state.newest;
  /** Walks down from `maxId` (or the top) to `until`; returns where it stopped when the budget ran out. */
  const walk = async (maxId: string | undefined, sinceId: string | null, until: Mark): Promise<string | null> => {
    for (let first = maxId === undefined; ; first = false) {
      if (budget-- <= 0) return maxId ?? null;
      const { items, headers } = await fetchPage({ limit: String(PAGE_SIZE), max_id: maxId, since_id: sinceId ?? undefined });
      if (first && items[0] && !isBefore(items[0], until)) newest = items[0].id;
      let fresh = 0;
      let reachedOld = false;
      // The whole page is read even past an old item: one stored late can sit below it.
      for (const item of items) {
        if (isBefore(item, until)) reachedOld = true;
        else if (!delivered.has(item.id)) {
          delivered.set(item.id, item);
          fresh++;
        }
      }
      // Done at what was delivered before, at the end of the listing, or when paging brings nothing new.
      if (reachedOld || items.length === 0 || fresh === 0) return null;
      maxId = nextMaxId(headers) ?? items.at(-1)!.id;
    }
  };
  const gaps: State['gaps'] = [];
  const topGap = await walk(undefined, state.newest, state.top);
  if (topGap !== null) gaps.push({ maxId: topGap, sinceId: state.newest, until: state.top });
  for (const gap of state.gaps) {
    const rest = budget > 0 ? await walk(gap.maxId, gap.sinceId, gap.until) : gap.maxId;
    if (rest !== null) gaps.push({ ...gap, maxId: rest });
  }
  const items = [...delivered.values()].sort((a, b) => timeOf(b) - timeOf(a));
  return { items, cursor: encode({ v: 1, newest, top: markAfter(state.top, items), gaps }) };
}

function isBefore(item: Item, mark: Mark): boolean {
  if (mark.seen.some(([id]) => id === item.id)) return true;
  return mark.floor !== null && timeOf(item) < mark.floor;
}

const emptyMark = (): Mark => ({ floor: null, seen: [] });

/** The mark after delivering `items` as well: the overlap before the newest time, by id. */
function markAfter(previous: Mark, items: Item[]): Mark {
  const all: [string, number][] = [...previous.seen, ...items.map((i): [string, number] => [i.id, timeOf(i)])];
  if (all.length === 0) return previous;
  const newest = Math.max(...all.map(([, at]) => at), previous.floor === null ? -Infinity : previous.floor + OVERLAP_MS);
  const floor = Math.max(newest - OVERLAP_MS, previous.floor ?? -Infinity);
  const seen = new Map(all.filter(([, at]) => at >= floor));
  return { floor, seen: [...seen] };
}

const PREFIX = 'm1.';

function encode(state: State): string {
  return PREFIX + Buffer.from(JSON.stringify(state)).toString('base64url');
}

/**
 * Our cursor, or an older one that was a bare notification id: then everything after that item is new.
 * One that cannot be read starts over from now, like a first read.
 */
function decode(cursor: string): State | null {
  if (!cursor.startsWith(PREFIX)) return { v: 1, newest: cursor, top: { floor: null, seen: [[cursor, 0]] }, gaps: [] };
  try {
    const parsed = State.safeParse(JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
