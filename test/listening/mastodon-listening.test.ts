/**
 * Mastodon as a listening source, end to end: no Mastodon server installs here, so two instances of the fake that
 * follows Mastodon's documented API (test/connectors/mastodon-fake.ts) stand in, one federating the other's status.
 * A hashtag followed on both is read by the poll job from each one's cursor, and a post seen on both instances is
 * one mention; an instance's public stream, held by the listening service, brings posts as they are written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { waitFor, waitForJob } from '../inbound/helpers.js';
import { MastodonFake } from '../connectors/mastodon-fake.js';
import { LISTENING_POLL } from '../../src/modules/listening/job-names.js';

describe('listening on Mastodon', () => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let home: MastodonFake;
  let other: MastodonFake;
  let runs = 0;

  const path = (p: string) => `/api/v1/workspaces/${ws}/listening${p}`;
  const mentions = () => ruche.ctx.store.db.selectFrom('listening_mentions').selectAll().where('workspace_id', '=', ws).orderBy('created_at').execute();
  const pollSource = async (sourceId: string) => {
    const { id } = await ruche.ctx.jobs.queue.enqueue(LISTENING_POLL, { sourceId }, { idempotencyKey: `test-listening-poll:${++runs}` });
    return waitForJob(ruche, id);
  };

  beforeAll(async () => {
    home = await new MastodonFake().start();
    other = await new MastodonFake().start();
    ruche = await startTestRuche('sqlite', { ALLOW_PRIVATE_NETWORKS: '1', ROLES: 'api,worker' });
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    const topic = await owner.post(path('/topics'), { name: 'Ruche', kind: 'brand', query: '#ruchefest OR "Ruche Fest"' });
    expect(topic.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await ruche?.stop();
    await home?.close();
    await other?.close();
  });

  it('reads a hashtag on two instances from their cursors and keeps one mention of a post seen on both', async () => {
    const alice = home.createAccount('alice', { followersCount: 300 });
    const first = home.postAs(alice, 'Vivement le #RucheFest samedi !');
    other.federate(home, first.id);
    const onHome = await owner.post(path('/sources'), { kind: 'mastodon_tag', url: home.url, tag: '#RucheFest' });
    const onOther = await owner.post(path('/sources'), { kind: 'mastodon_tag', url: other.url, tag: 'ruchefest' });
    expect([onHome.status, onOther.status]).toEqual([201, 201]);
    expect((await pollSource(onHome.body.id)).status).toBe('succeeded');
    expect((await pollSource(onOther.body.id)).status).toBe('succeeded');
    const stored = await mentions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ network: 'mastodon', source_id: onHome.body.id });
    const author = await ruche.ctx.store.db.selectFrom('inbox_authors').select(['handle', 'followers']).where('id', '=', stored[0].author_id).executeTakeFirstOrThrow();
    expect(author.handle).toBe(`alice@${new URL(home.url).host}`);
    expect(Number(author.followers)).toBe(300);

    home.postAs(alice, 'Le programme du #ruchefest est en ligne');
    home.postAs(alice, 'Rien à voir, il pleut');
    expect((await pollSource(onHome.body.id)).status).toBe('succeeded');
    expect((await mentions()).map((m) => m.text)).toEqual(['Vivement le #RucheFest samedi !', 'Le programme du #ruchefest est en ligne']);
    const source = await owner.get(path('/sources'));
    const view = source.body.items.find((s: { id: string }) => s.id === onHome.body.id);
    expect(view).toMatchObject({ health: 'ok', mentionCount: 2, lastError: null });
  });

  it('reads the hashtag of a stream from its timeline when the instance has no streaming', async () => {
    const quiet = await new MastodonFake({ quirks: { noStreaming: true } }).start();
    let sourceId: string | null = null;
    try {
      const carol = quiet.createAccount('carol');
      const early = quiet.postAs(carol, 'Qui vient au #RucheFest ?');
      // Ruche's worker holds the streams; adding a source starts its stream at once.
      const stream = await owner.post(path('/sources'), { kind: 'mastodon_public', url: quiet.url, tag: 'RucheFest' });
      expect(stream.status).toBe(201);
      sourceId = stream.body.id;
      const row = await waitFor('the polled mention', async () => (await mentions()).find((m) => m.source_id === stream.body.id), 400);
      expect(row.uri).toBe(early.uri);
      const source = await ruche.ctx.store.db.selectFrom('listening_sources').select(['health', 'cursor']).where('id', '=', stream.body.id).executeTakeFirstOrThrow();
      expect(source.cursor).toBe(early.id);
    } finally {
      if (sourceId) await owner.patch(path(`/sources/${sourceId}`), { status: 'paused' });
      await quiet.close();
    }
  });

  it('follows an instance public stream held by the listening service', async () => {
    const stream = await owner.post(path('/sources'), { kind: 'mastodon_public', url: other.url });
    expect(stream.status).toBe(201);
    await waitFor('the stream to be live', async () => {
      const s = await ruche.ctx.store.db.selectFrom('listening_sources').select('health').where('id', '=', stream.body.id).executeTakeFirst();
      return s?.health === 'live';
    }, 400);
    const bob = other.createAccount('bob');
    other.postAs(bob, 'Ruche Fest: les billets sont en vente');
    const row = await waitFor('the streamed mention', async () => (await mentions()).find((m) => m.source_id === stream.body.id), 400);
    expect(row.text).toBe('Ruche Fest: les billets sont en vente');
  });
});
