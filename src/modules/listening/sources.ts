import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from '@hono/zod-openapi';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { Database } from '../../store/schema.js';
import type { ListeningSourceKind, ListeningSourceTable } from '../../store/listening-schema.js';
import type { SourceBody, SourcePatch } from './schema.js';

export type SourceRow = Selectable<ListeningSourceTable>;

/** Sources read by polling (a job per due source); the others are streams that the live service holds open. */
export const POLLED_KINDS: readonly ListeningSourceKind[] = ['feed', 'mastodon_tag'];
export const STREAM_KINDS: readonly ListeningSourceKind[] = ['bluesky_jetstream', 'bluesky_relay', 'mastodon_public'];

/** A source failing this many times in a row is set aside with its last error, until someone resumes it. */
export const SET_ASIDE_AFTER = 10;
export const MAX_SOURCES = 2_000;

const PROTOCOLS: Record<ListeningSourceKind, readonly string[]> = {
  feed: ['http:', 'https:'],
  bluesky_jetstream: ['ws:', 'wss:'],
  bluesky_relay: ['ws:', 'wss:', 'http:', 'https:'],
  mastodon_tag: ['http:', 'https:'],
  mastodon_public: ['http:', 'https:'],
};

/** The address as stored: parsed, with the protocol the kind speaks, no credentials, no fragment. */
export function sourceUrl(kind: ListeningSourceKind, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badRequest('invalid_url', 'This is not a web address.', { field: 'url' });
  }
  if (!PROTOCOLS[kind].includes(url.protocol)) {
    throw badRequest('invalid_url', `A ${kind} source needs an address starting with ${PROTOCOLS[kind].map((p) => `${p}//`).join(' or ')}.`, { field: 'url', protocols: PROTOCOLS[kind] });
  }
  if (url.username || url.password) throw badRequest('invalid_url', 'Addresses with a user name or password are not accepted.', { field: 'url' });
  url.hash = '';
  return kind === 'feed' ? url.toString() : url.toString().replace(/\/$/, '');
}

/** The hashtag a Mastodon source follows: required on a timeline, optional on a stream (none: the public stream). */
export function sourceTag(kind: ListeningSourceKind, raw: string | undefined): string {
  if (kind !== 'mastodon_tag' && kind !== 'mastodon_public') return '';
  const tag = (raw ?? '').trim().replace(/^#/, '');
  if (kind === 'mastodon_public' && tag === '') return '';
  if (!/^[\p{L}\p{N}_]{1,100}$/u.test(tag)) throw badRequest('invalid_tag', 'Give the hashtag to follow, letters, digits and _ only.', { field: 'tag' });
  return tag.toLowerCase();
}

function defaultTitle(kind: ListeningSourceKind, url: string, tag: string): string {
  const host = new URL(url).host;
  return tag ? `#${tag} · ${host}` : host;
}

export async function listSources(db: Kysely<Database>, workspaceId: string): Promise<SourceRow[]> {
  return db.selectFrom('listening_sources').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
}

export async function getSource(db: Kysely<Database>, workspaceId: string, sourceId: string): Promise<SourceRow> {
  const row = await db.selectFrom('listening_sources').selectAll().where('id', '=', sourceId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('source');
  return row;
}

export interface NewSource {
  kind: ListeningSourceKind;
  url: string;
  tag?: string;
  title?: string | null;
}

/** Adds the sources not there yet (same kind, address and tag); returns how many were added. */
export async function addSources(db: Kysely<Database>, workspaceId: string, sources: readonly NewSource[], now: number): Promise<{ added: SourceRow[]; existing: number }> {
  const count = await db.selectFrom('listening_sources').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  if (Number(count.n) + sources.length > MAX_SOURCES) throw badRequest('too_many_sources', `A workspace can have at most ${MAX_SOURCES} sources.`, { max: MAX_SOURCES });
  const added: SourceRow[] = [];
  let existing = 0;
  for (const s of sources) {
    const url = sourceUrl(s.kind, s.url);
    const tag = sourceTag(s.kind, s.tag);
    const row: SourceRow = {
      id: crypto.randomUUID(), workspace_id: workspaceId, kind: s.kind, url, tag, title: (s.title?.trim() || defaultTitle(s.kind, url, tag)).slice(0, 200),
      status: 'active', health: 'pending', last_error: null, failures: 0, etag: null, last_modified: null, cursor: null,
      poll_interval_ms: null, next_poll_at: now, last_polled_at: null, last_ok_at: null, mention_count: 0, created_at: now, updated_at: now,
    };
    const inserted = await db.insertInto('listening_sources').values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'url', 'tag']).doNothing()).returning('id').executeTakeFirst();
    if (inserted) added.push(row);
    else existing++;
  }
  return { added, existing };
}

export async function createSource(db: Kysely<Database>, workspaceId: string, input: z.infer<typeof SourceBody>, now: number): Promise<SourceRow> {
  const { added } = await addSources(db, workspaceId, [{ kind: input.kind, url: input.url, tag: input.tag, title: input.title }], now);
  if (added.length === 0) throw conflict('source_exists', 'This source is already followed.');
  return added[0];
}

/** Pausing stops reading; resuming (also of a source set aside) reads at once and forgets the failures. */
export async function updateSource(db: Kysely<Database>, workspaceId: string, sourceId: string, input: z.infer<typeof SourcePatch>, now: number): Promise<SourceRow> {
  await getSource(db, workspaceId, sourceId);
  await db.updateTable('listening_sources').set({
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.status === 'paused' ? { status: 'paused' } : {}),
    ...(input.status === 'active' ? { status: 'active', failures: 0, health: 'pending', next_poll_at: now } : {}),
    updated_at: now,
  }).where('id', '=', sourceId).where('workspace_id', '=', workspaceId).execute();
  return getSource(db, workspaceId, sourceId);
}

export async function deleteSource(db: Kysely<Database>, workspaceId: string, sourceId: string): Promise<void> {
  await getSource(db, workspaceId, sourceId);
  await db.deleteFrom('listening_sources').where('id', '=', sourceId).where('workspace_id', '=', workspaceId).execute();
}

/** After a read: the health the UI shows, and when to read next. */
export async function markSourceRead(db: Kysely<Database>, sourceId: string, now: number, next: { ok: true; pollAfterMs: number; etag?: string | null; lastModified?: string | null } | { ok: false; error: string; transient: boolean; retryAfterMs?: number | null }) {
  if (next.ok) {
    await db.updateTable('listening_sources').set({
      health: 'ok', last_error: null, failures: 0, last_polled_at: now, last_ok_at: now, poll_interval_ms: next.pollAfterMs, next_poll_at: now + next.pollAfterMs, updated_at: now,
      ...(next.etag !== undefined ? { etag: next.etag } : {}),
      ...(next.lastModified !== undefined ? { last_modified: next.lastModified } : {}),
    }).where('id', '=', sourceId).execute();
    return;
  }
  const row = await db.selectFrom('listening_sources').select(['failures', 'poll_interval_ms']).where('id', '=', sourceId).executeTakeFirst();
  if (!row) return;
  const failures = Number(row.failures) + 1;
  const setAside = !next.transient || failures >= SET_ASIDE_AFTER;
  // Backs off exponentially from the source's own interval, at most a day.
  const wait = next.retryAfterMs ?? Math.min(86_400_000, (Number(row.poll_interval_ms) || 15 * 60_000) * 2 ** Math.min(failures - 1, 6));
  await db.updateTable('listening_sources').set({
    health: setAside ? 'error' : 'backoff', status: setAside ? 'set_aside' : 'active', last_error: next.error.slice(0, 500), failures,
    last_polled_at: now, next_poll_at: now + wait, updated_at: now,
  }).where('id', '=', sourceId).execute();
}
