import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { CharterVersion } from './repository.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function namesOf(db: Kysely<Database>, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('user').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const person = (names: Map<string, string>, id: string | null) => (id === null ? null : { id, name: names.get(id) ?? '' });

export async function presentCharter(db: Kysely<Database>, v: CharterVersion) {
  const names = await namesOf(db, [v.createdBy]);
  return { charter: v.charter, version: v.version, updatedAt: iso(v.createdAt), updatedBy: person(names, v.createdBy) };
}

export async function presentVersions(db: Kysely<Database>, rows: Array<{ version: number; createdAt: number; createdBy: string | null }>) {
  const names = await namesOf(db, rows.map((r) => r.createdBy));
  return rows.map((r) => ({ version: r.version, updatedAt: iso(r.createdAt)!, updatedBy: person(names, r.createdBy) }));
}
