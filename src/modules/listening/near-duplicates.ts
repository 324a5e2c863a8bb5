import { minhash } from '../../analysis/minhash.js';
import { NearDuplicateIndex } from '../../analysis/lsh.js';

/** How many recent mentions a workspace compares new ones with, per generation (two generations are kept). */
const GENERATION = 20_000;
/** Texts shorter than this many characters are too short to call copies of one another ("Love it!"). */
const MIN_TEXT = 40;

/** The MinHash signature a mention is compared by, or null for a text too short to call a copy. */
export function signatureOf(text: string): Uint32Array | null {
  return text.length >= MIN_TEXT ? minhash(text) : null;
}

interface Generations {
  current: NearDuplicateIndex<string>;
  previous: NearDuplicateIndex<string> | null;
  byUri: Map<string, string>;
  previousByUri: Map<string, string> | null;
  /**
   * Groups whose first mention is placed but not stored yet, with the copies stored meanwhile by other batches:
   * those copies could not count themselves on a row their transaction could not see.
   */
  unstored: Map<string, number>;
}

/** What `stored` needs of a mention placed: its id and group. */
interface Placed {
  id: string;
  clusterId: string | null;
}

/**
 * Groups a workspace's mentions with their near-duplicates (copy-paste campaigns, quotes of a headline) and
 * reposts: each new mention joins the group of the most similar recent one. Kept in memory per process, in two
 * generations so that memory stays bounded while the last tens of thousands of mentions are always compared;
 * after a restart, groups start again from the mentions that follow.
 */
export class MentionGroups {
  private readonly workspaces = new Map<string, Generations>();

  private of(workspaceId: string): Generations {
    let g = this.workspaces.get(workspaceId);
    if (!g) this.workspaces.set(workspaceId, (g = { current: new NearDuplicateIndex(), previous: null, byUri: new Map(), previousByUri: null, unstored: new Map() }));
    return g;
  }

  /**
   * The group a mention joins (the id of the group's first mention), or null when it starts one; then remembers it.
   * `signature` is the text's `signatureOf`, when the caller made it already.
   */
  place(workspaceId: string, id: string, uri: string, text: string, repostOf: string | null, signature = signatureOf(text)): string | null {
    const g = this.of(workspaceId);
    const head = (u: string) => g.byUri.get(u) ?? g.previousByUri?.get(u);
    let group: string | null = repostOf ? (head(repostOf) ?? null) : null;
    // Both generations band a signature alike: its keys are worked out once.
    const keys = signature ? g.current.keys(signature) : null;
    if (!group && signature && keys) {
      const found = g.current.nearest(signature, undefined, keys) ?? g.previous?.nearest(signature, undefined, keys);
      if (found) group = found.id;
    }
    const joined = group ?? id;
    if (g.current.size >= GENERATION) {
      g.previous = g.current;
      g.previousByUri = g.byUri;
      g.current = new NearDuplicateIndex();
      g.byUri = new Map();
    }
    // A group is known by its first mention: copies point at it, never at each other.
    if (signature && keys) g.current.add(joined, signature, keys);
    g.byUri.set(uri, joined);
    if (!group) g.unstored.set(id, 0);
    return group;
  }

  /** The groups these mentions join whose first mention another batch, still being stored, placed. */
  headsBeingStored(workspaceId: string, placed: readonly Placed[]): Set<string> {
    const g = this.workspaces.get(workspaceId);
    const out = new Set<string>();
    if (!g || g.unstored.size === 0) return out;
    const own = new Set(placed.filter((m) => !m.clusterId).map((m) => m.id));
    for (const m of placed) if (m.clusterId && !own.has(m.clusterId) && g.unstored.has(m.clusterId)) out.add(m.clusterId);
    return out;
  }

  /**
   * A batch placed with `place` is stored (`created` are the mentions it wrote; `later` its groups that were being
   * stored elsewhere): the copies each group still has to count, now that both sides are stored. A copy whose
   * group's first mention is still being stored is counted by that batch instead, when it is stored. This runs
   * between the two commits without waiting, so that each copy is counted by exactly one of the two batches.
   */
  stored(workspaceId: string, placed: readonly Placed[], created: readonly Placed[], later: ReadonlySet<string>): Map<string, number> {
    const g = this.workspaces.get(workspaceId);
    const add = new Map<string, number>();
    if (!g) return add;
    const made = new Set(created.map((m) => m.id));
    for (const m of placed) {
      if (m.clusterId) continue;
      const waiting = g.unstored.get(m.id);
      g.unstored.delete(m.id);
      if (waiting && made.has(m.id)) add.set(m.id, waiting);
    }
    for (const m of created) {
      if (!m.clusterId || !later.has(m.clusterId)) continue;
      const waiting = g.unstored.get(m.clusterId);
      if (waiting !== undefined) g.unstored.set(m.clusterId, waiting + 1);
      else add.set(m.clusterId, (add.get(m.clusterId) ?? 0) + 1);
    }
    return add;
  }

  /** Forgets what the workspace's batch placed when storing it failed (so a retry does not find itself). */
  forget(workspaceId: string): void {
    this.workspaces.delete(workspaceId);
  }
}
