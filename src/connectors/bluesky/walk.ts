/**
 * The state of a walk down the notifications, kept in the opaque cursor the caller stores after each page.
 * A walk reads from the newest notification back to `stopAt`: on the first walk the backfill's `since`, on
 * later ones where the previous walk started less an overlap, since a post's sort time on the AppView is the
 * earlier of when it was written and when it was indexed: a post indexed late lands below newer ones.
 * What the previous walk delivered within the overlap is remembered (short hashes) and not delivered again.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const OVERLAP_MS = 10 * 60_000;
const MAX_SEEN = 300;

const Seen = z.string().regex(/^[A-Za-z0-9_-]{10}:[0-9a-z]{1,12}$/);

const State = z.object({
  v: z.literal(1),
  /** listNotifications' cursor for the next page of this walk; null: the newest page. */
  page: z.string().max(1_000).nullable(),
  /** This walk goes back to here (ISO). */
  stopAt: z.string().max(64),
  /** The newest sort time seen so far, this walk or before (ISO). */
  newest: z.string().max(64).nullable(),
  /** Delivered before this walk, within the overlap: `hash:time`. */
  skip: z.array(Seen).max(MAX_SEEN),
  /** Delivered by this walk near its top. */
  seen: z.array(Seen).max(MAX_SEEN),
  /** This walk reached `stopAt`; the next call starts a new one. */
  done: z.boolean(),
});
export type WalkState = z.infer<typeof State>;

export const hashOf = (uri: string) => createHash('sha256').update(uri).digest('base64url').slice(0, 10);
const entry = (hash: string, at: string) => `${hash}:${Date.parse(at).toString(36)}`;
const timeOf = (e: string) => parseInt(e.split(':')[1], 36);

export function encodeWalk(state: WalkState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** The stored cursor, or a first walk back to `since` when there is none or it cannot be read. */
export function decodeWalk(cursor: string | null, since: string): WalkState {
  if (cursor) {
    try {
      const parsed = State.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // An unreadable cursor starts over from `since`: the store de-duplicates what is read again.
    }
  }
  return { v: 1, page: null, stopAt: new Date(Date.parse(since) || 0).toISOString(), newest: null, skip: [], seen: [], done: false };
}

/** The walk to run now: the stored one if it is under way, else a new one from the top. */
export function nextWalk(state: WalkState): WalkState {
  if (!state.done) return state;
  const stopAt = state.newest ? new Date(Date.parse(state.newest) - OVERLAP_MS).toISOString() : state.stopAt;
  return { ...state, page: null, stopAt, skip: keepRecent([...state.skip, ...state.seen], stopAt), seen: [], done: false };
}

function keepRecent(entries: string[], from: string): string[] {
  const limit = Date.parse(from);
  return [...new Set(entries)].filter((e) => timeOf(e) >= limit).sort((a, b) => timeOf(b) - timeOf(a)).slice(0, MAX_SEEN);
}

export class WalkPage {
  private readonly skip: Set<string>;
  private readonly seen: string[];
  newest: string | null;
  oldest: string | null = null;

  constructor(private readonly state: WalkState) {
    this.skip = new Set(state.skip.map((e) => e.split(':')[0]));
    this.seen = [...state.seen];
    this.newest = state.newest;
  }

  /** Whether the walk has gone past where it stops. */
  pastStop(sortAt: string): boolean {
    return sortAt < this.state.stopAt;
  }

  /** Records a notification the walk reached; false when it was delivered before. */
  take(uri: string, sortAt: string): boolean {
    if (!this.newest || sortAt > this.newest) this.newest = sortAt;
    if (!this.oldest || sortAt < this.oldest) this.oldest = sortAt;
    const hash = hashOf(uri);
    if (this.skip.has(hash)) return false;
    this.seen.push(entry(hash, sortAt));
    return true;
  }

  /** The state after this page: `nextPage` when the walk goes on, else the walk is done. */
  finish(nextPage: string | null): WalkState {
    const newest = this.newest;
    const recentFrom = newest ? new Date(Date.parse(newest) - OVERLAP_MS).toISOString() : this.state.stopAt;
    return { ...this.state, page: nextPage, newest, seen: keepRecent(this.seen, recentFrom), done: nextPage === null };
  }
}
