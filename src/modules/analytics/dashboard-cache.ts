import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { versionOf } from './rollups/version.js';

/** Figures kept per database (dashboards, agency rows), the most recently read last. */
const MAX_ENTRIES = 500;
const caches = new WeakMap<object, Map<string, unknown>>();

function cacheOf(db: Kysely<Database>): Map<string, unknown> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/**
 * Figures made at the workspace's current analytics version. Every write that changes a figure moves the version
 * on in its own transaction (the rollups' writers, the moderation log, a change of zone), so an entry found under
 * the current version is exactly what computing it again would give; older entries are never read again and leave
 * as newer ones come.
 */
export function keptFigures<T>(db: Kysely<Database>, workspaceId: string, version: number, key: string): T | undefined {
  const cache = cacheOf(db);
  const k = `${workspaceId}\n${version}\n${key}`;
  const hit = cache.get(k) as T | undefined;
  if (hit) {
    cache.delete(k);
    cache.set(k, hit);
  }
  return hit;
}

/**
 * Keeps figures made at `version`, unless a write moved the version on while they were being made: their queries
 * may then have read some of that write, and they belong to neither version. Figures read in one snapshot
 * (PostgreSQL's, read-together.ts) may pass the version read in that snapshot instead, which says the same without
 * a query more.
 */
export async function keepFigures<T>(db: Kysely<Database>, workspaceId: string, version: number, key: string, d: T, readWith?: number): Promise<void> {
  // `readWith`: the version read in the figures' own snapshot, which then hold exactly that version's figures.
  if ((readWith ?? (await versionOf(db, workspaceId))) !== version) return;
  const cache = cacheOf(db);
  cache.set(`${workspaceId}\n${version}\n${key}`, d);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}
