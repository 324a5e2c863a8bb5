/**
 * What a delete takes with it, on each database: a topic its links to mentions, a source nothing but its name on its
 * mentions, a mention its links, an author their mentions, a workspace all of its listening. (On PostgreSQL the
 * busiest listening tables have no foreign keys: the parents' own triggers do it, migration 0050.) And the writer on
 * PostgreSQL, which no key checks any more, never links a mention to a topic deleted before it wrote, nor stores
 * mentions for a workspace deleted before it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { ingestPosts } from '../../../src/modules/listening/ingest.js';
import { newMentionId, storeMentions, type MatchedMention } from '../../../src/modules/listening/mention-store.js';
import { normalizePost } from '../../../src/modules/listening/normalize.js';
import { addTopic, blueskyPost, listeningPath, mentionsOf, newWorkspace } from './setup.js';

describe.each(databases)('listening deletes on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  const db = () => ruche.ctx.store.db;
  const links = async (ws: string) => (await db().selectFrom('listening_mention_topics').select(['topic_id', 'mention_id']).where('workspace_id', '=', ws).execute())
    .map((l) => `${l.topic_id}:${l.mention_id}`).sort();
  const author = (id: string) => ({ id, handle: `${id.slice(8)}.test`, displayName: null, followers: 10 });

  /** A workspace with two topics, a source and three mentions by two authors: a links to both topics. */
  async function heard() {
    const ws = await newWorkspace(owner);
    const acme = await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const rival = await addTopic(owner, ws, { name: 'Rival', query: 'rival' });
    const res = await owner.post(listeningPath(ws, '/sources'), { kind: 'feed', url: `https://${ws}.example/feed` });
    expect(res.status).toBe(201);
    const source = res.body.id as string;
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: source }, [
      blueskyPost('Acme against Rival, round two', { n: `${ws}-a`, author: author('did:plc:ann') }),
      blueskyPost('Acme kettles still going strong', { n: `${ws}-b`, author: author('did:plc:bob') }),
      blueskyPost('Rival opened a shop downtown', { n: `${ws}-c`, author: author('did:plc:ann') }),
    ]);
    const byUri = Object.fromEntries((await mentionsOf(ruche, ws)).map((m) => [m.uri.split('-').pop()!, m]));
    expect(Object.keys(byUri).sort()).toEqual(['a', 'b', 'c']);
    return { ws, acme: acme.id, rival: rival.id, source, a: byUri.a!.id, b: byUri.b!.id, c: byUri.c!.id };
  }

  it('deleting a topic takes its links and leaves the mentions and the other topics\' links', async () => {
    const h = await heard();
    await db().deleteFrom('listening_topics').where('id', '=', h.rival).execute();
    expect(await links(h.ws)).toEqual([`${h.acme}:${h.a}`, `${h.acme}:${h.b}`].sort());
    expect(await mentionsOf(ruche, h.ws)).toHaveLength(3);
  });

  it('deleting a source keeps its mentions, without the source', async () => {
    const h = await heard();
    expect((await owner.delete(listeningPath(h.ws, `/sources/${h.source}`))).status).toBe(204);
    expect((await mentionsOf(ruche, h.ws)).map((m) => m.source_id)).toEqual([null, null, null]);
    expect(await links(h.ws)).toHaveLength(4);
  });

  it('deleting a mention takes its links; deleting an author takes their mentions and those mentions\' links', async () => {
    const h = await heard();
    await db().deleteFrom('listening_mentions').where('id', '=', h.b).execute();
    expect(await links(h.ws)).toEqual([`${h.acme}:${h.a}`, `${h.rival}:${h.a}`, `${h.rival}:${h.c}`].sort());
    await db().deleteFrom('inbox_authors').where('workspace_id', '=', h.ws).where('external_id', '=', 'did:plc:ann').execute();
    expect(await mentionsOf(ruche, h.ws)).toEqual([]);
    expect(await links(h.ws)).toEqual([]);
  });

  it('deleting a workspace takes all its listening, and only its own', async () => {
    const [gone, kept] = [await heard(), await heard()];
    await db().deleteFrom('workspaces').where('id', '=', gone.ws).execute();
    expect(await mentionsOf(ruche, gone.ws)).toEqual([]);
    expect(await links(gone.ws)).toEqual([]);
    expect(await mentionsOf(ruche, kept.ws)).toHaveLength(3);
    expect(await links(kept.ws)).toHaveLength(4);
  });

  // On SQLite the keys refuse such a batch outright, and one writer at a time leaves no window for the race.
  it.skipIf(kind === 'sqlite')('a batch written after its topic or its workspace was deleted leaves nothing behind', async () => {
    const h = await heard();
    const now = Date.now();
    const mention = (n: string, topicIds: string[]): MatchedMention => ({
      id: newMentionId(now), post: normalizePost(blueskyPost(`Acme and Rival, take ${n}`, { n: `${h.ws}-${n}` }), now),
      analysis: { language: { code: 'en', confidence: 1 }, sentiment: { label: 'neutral', score: 0 }, toxicity: { score: 0 }, complaint: { flagged: false }, keywords: [], hashtags: [], links: [] } as never,
      topicIds, clusterId: null, terms: [],
    });
    await db().deleteFrom('listening_topics').where('id', '=', h.rival).execute();
    const stored = await db().transaction().execute((trx) => storeMentions(trx, h.ws, h.source, [mention('d', [h.acme, h.rival])], now));
    expect(stored).toHaveLength(1);
    expect(await links(h.ws)).toEqual([`${h.acme}:${h.a}`, `${h.acme}:${h.b}`, `${h.acme}:${stored[0]!.id}`].sort());

    await db().deleteFrom('workspaces').where('id', '=', h.ws).execute();
    await expect(db().transaction().execute((trx) => storeMentions(trx, h.ws, null, [mention('e', [h.acme])], now))).rejects.toThrow('no longer exists');
    expect(await mentionsOf(ruche, h.ws)).toEqual([]);
    expect(await db().selectFrom('inbox_authors').select('id').where('workspace_id', '=', h.ws).execute()).toEqual([]);
  });
});
