import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Dashboard } from './types.js';
import { versionOf } from './rollups/version.js';

/** Dashboards kept per database, the most recently read last. */
const MAX_ENTRIES = 300;
const caches = new WeakMap<object, Map<string, Dashboard>>();

function cacheOf(db: Kysely<Database>): Map<string, Dashboard> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/**
 * A dashboard made at the workspace's current analytics version. Every write that changes a figure moves the
 * version on in its own transaction (the rollups' writers, the moderation log, a change of zone), so an entry
 * found under the current version is exactly what computing it again would give; older entries are never read
 * again and leave as newer ones come.
 */
export function cachedDashboard(db: Kysely<Database>, workspaceId: string, version: number, key: string): Dashboard | undefined {
  const cache = cacheOf(db);
  const k = `${workspaceId}\n${version}\n${key}`;
  const hit = cache.get(k);
  if (hit) {
    cache.delete(k);
    cache.set(k, hit);
  }
  return hit;
}

/**
 * Keeps a dashboard made at `version`, unless a write moved the version on while it was being made: its queries
 * may then have read some of that write, and it belongs to neither version.
 */
export async function keepDashboard(db: Kysely<Database>, workspaceId: string, version: number, key: string, d: Dashboard): Promise<void> {
  if ((await versionOf(db, workspaceId)) !== version) return;
  const cache = cacheOf(db);
  cache.set(`${workspaceId}\n${version}\n${key}`, d);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}
