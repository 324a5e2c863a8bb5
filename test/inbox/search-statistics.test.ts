/**
 * PostgreSQL only (SQLite's search index hands back its matches newest first and needs no such guess): a search
 * newest first reads PostgreSQL's statistics of the inbox's words to tell whether its page can be among the newest
 * items. A word most items hold is looked for there; a rare one goes to the text index at once. Both ways give the
 * same pages, newest first, the workspace's own items only.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { inboxPath } from './seed.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import type { InboundItem } from '../../src/connectors/types.js';
import { resolveSearch } from '../../src/modules/inbox/search.js';
import { mostRecentMatches } from '../../src/modules/inbox/word-frequency.js';

describe.skipIf(!process.env.TEST_DATABASE_URL)('inbox search and the word statistics of PostgreSQL', () => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let other: string;
  const base = Date.UTC(2026, 10, 1);
  const ITEMS = 2400;
  /** The items holding the rare word, by their index in the order they were written. */
  const RARE_AT = [5, 1200, 2390];

  const raw = (i: number, text: string): InboundItem => ({
    kind: 'reply', ref: { id: `ext:${crypto.randomUUID()}` },
    author: { id: `ext:author${i % 40}`, handle: `author${i % 40}.test`, displayName: null, avatarUrl: null, followers: 10, createdAt: null },
    text, createdAt: new Date(base + i * 60_000).toISOString(), url: null, parent: null, root: null, conversationId: null, quoted: null,
    languages: ['fr'], context: [],
  });

  async function fill(workspaceId: string, handle: string, count: number, textOf: (i: number) => string) {
    const { userId } = await ruche.ctx.store.db.selectFrom('memberships').select('user_id as userId').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    const accountId = await connectLocalAccount(ruche, workspaceId, userId, handle);
    const account = await ruche.ctx.store.db.selectFrom('social_accounts').select(['id', 'workspace_id', 'network']).where('id', '=', accountId).executeTakeFirstOrThrow();
    for (let i = 0; i < count; i += 400) {
      const batch = Array.from({ length: Math.min(400, count - i) }, (_, k) => raw(i + k, textOf(i + k)));
      const result = await ingestItems(ruche.ctx, account, batch);
      expect(result.stored).toHaveLength(batch.length);
    }
  }

  beforeAll(async () => {
    ruche = await startTestRuche('postgres', {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    other = (await owner.post('/api/v1/workspaces', { name: 'Autre marque' })).body.id as string;
    // Every item asks about its order (commande); a few also hold a rare word. The other workspace holds both words too.
    await fill(ws, 'brand-main', ITEMS, (i) => `Bonjour, ma commande numéro ${i} ${RARE_AT.includes(i) ? 'zibeline' : 'attend'} toujours`);
    await fill(other, 'brand-other', 600, (i) => `Ma commande ${i} zibeline`);
    // What autovacuum does once a table has grown this much.
    await sql`analyze inbox_items`.execute(ruche.ctx.store.db);
  }, 180_000);
  afterAll(() => ruche?.stop());

  const list = async (query: string) => {
    const res = await owner.get(inboxPath(ws, `/items?${query}`));
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ id: string; text: string; createdAt: string }>; nextCursor: string | null };
  };
  const most = async (q: string) => mostRecentMatches(ruche.ctx.store.db, ws, (await resolveSearch(ruche.ctx.store, q))!, 2000);

  it('tells a word most items hold from one too rare to fill a page from the newest items', async () => {
    // Every one of the newest 2,000 items holds "commande"; "zibeline" only three of them at most.
    expect(await most('commande')).toBeGreaterThan(1500);
    expect(await most('zibeline')).toBeLessThan(50);
    // Two words together are at most as common as the rarer of them.
    expect(await most('commande zibeline')).toBeLessThan(50);
    expect(await most('bonjour commande')).toBeGreaterThan(1500);
  });

  it('gives the same newest-first pages either way, with only the workspace’s own items', async () => {
    const rare = await list('q=zibeline');
    expect(rare.items.map((i) => i.text)).toEqual([2390, 1200, 5].map((n) => `Bonjour, ma commande numéro ${n} zibeline toujours`));
    expect(rare.nextCursor).toBeNull();
    expect((await list(`q=${encodeURIComponent('commande zibeline')}`)).items.map((i) => i.text)).toEqual(rare.items.map((i) => i.text));

    // The common word pages through the workspace newest first, as the list without a search does.
    const everything = await list('limit=100');
    const first = await list('q=commande&limit=50');
    const second = await list(`q=commande&limit=50&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(everything.items.map((i) => i.id));
  });
});
