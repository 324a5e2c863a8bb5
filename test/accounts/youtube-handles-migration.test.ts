/**
 * Migration 0042 on both databases: YouTube channels connected with the "@" of YouTube's customUrl lose it, in the
 * account and in the copies beside it (a post's history, the notifications about the account); nothing else changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Store } from '../../src/store/database.js';
import { up as stripYouTubeAt } from '../../src/store/migrations/0042_youtube_handles.js';
import { testStores } from '../helpers/store.js';

describe.each(testStores())('YouTube handles without their "@" on $name', (testStore) => {
  let store: Store;
  let db: Kysely<any>;
  const now = Date.now();

  beforeAll(async () => {
    store = await testStore.open();
    db = store.db as Kysely<any>;
    await db.insertInto('workspaces').values({ id: 'ws', name: 'Ruche', timezone: 'Europe/Paris', locale: 'fr', created_by: 'u', created_at: now, logo_key: null, logo_updated_at: null }).execute();
    const account = (id: string, network: string, handle: string) => ({
      id, workspace_id: 'ws', network, external_id: id, handle, display_name: handle, service_url: 'https://example.org', credentials: 'x',
      status: 'connected', timezone: 'Europe/Paris', created_by: 'u', created_at: now, updated_at: now,
    });
    await db.insertInto('social_accounts').values([
      account('yt-old', 'youtube', '@cafelumiere'),
      account('yt-new', 'youtube', 'ruche'),
      account('yt-bare', 'youtube', '@'),
      account('mastodon', 'mastodon', '@odd@example.social'),
    ]).execute();
    await db.insertInto('posts').values({ id: 'p', workspace_id: 'ws', author_id: 'u', status: 'failed', body: 'Une vidéo', thread: '[]', labels: '[]', version: 1, created_at: now, updated_at: now }).execute();
    const event = (id: string, data: unknown) => ({ id, post_id: 'p', kind: 'network_processing_failed', body: 'YouTube rejected the video (duplicate).', data: JSON.stringify(data), created_at: now });
    await db.insertInto('post_events').values([
      event('e-yt', { network: 'youtube', handle: '@cafelumiere', state: 'rejected', reason: 'duplicate' }),
      event('e-other', { network: 'mastodon', handle: '@odd@example.social' }),
      event('e-broken', null),
    ]).execute();
    const notification = (id: string, objectType: string, params: unknown) => ({
      id, workspace_id: 'ws', user_id: 'u', kind: objectType === 'account' ? 'account.reconnect' : 'moderation.removed', params: JSON.stringify(params),
      object_type: objectType, object_id: 'yt-old', in_app: 1, email: 0, created_at: now,
    });
    await db.insertInto('notifications').values([
      notification('n-account', 'account', { handle: '@cafelumiere', network: 'youtube', reason: 'Token has been expired or revoked.' }),
      // A commenter's handle is theirs as YouTube shows it, not a connected channel's.
      notification('n-commenter', 'inbox_item', { handle: '@troll', network: 'youtube', excerpt: '…' }),
    ]).execute();
    await stripYouTubeAt(db);
  });
  afterAll(() => store?.destroy());

  it('strips the "@" of connected YouTube channels only', async () => {
    const rows = await db.selectFrom('social_accounts').select(['id', 'handle']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.handle]))).toEqual({
      'yt-old': 'cafelumiere', 'yt-new': 'ruche', 'yt-bare': '@', mastodon: '@odd@example.social',
    });
  });

  it('strips it from the post history lines and the account notifications that copied it', async () => {
    const events = await db.selectFrom('post_events').select(['id', 'data']).orderBy('id').execute();
    expect(Object.fromEntries(events.map((e) => [e.id, JSON.parse(e.data)]))).toEqual({
      'e-yt': { network: 'youtube', handle: 'cafelumiere', state: 'rejected', reason: 'duplicate' },
      'e-other': { network: 'mastodon', handle: '@odd@example.social' },
      'e-broken': null,
    });
    const notes = await db.selectFrom('notifications').select(['id', 'params']).orderBy('id').execute();
    expect(Object.fromEntries(notes.map((n) => [n.id, JSON.parse(n.params).handle]))).toEqual({ 'n-account': 'cafelumiere', 'n-commenter': '@troll' });
  });

  it('changes nothing when run again', async () => {
    const before = await db.selectFrom('social_accounts').select(['id', 'handle', 'updated_at']).orderBy('id').execute();
    await stripYouTubeAt(db);
    expect(await db.selectFrom('social_accounts').select(['id', 'handle', 'updated_at']).orderBy('id').execute()).toEqual(before);
  });
});
