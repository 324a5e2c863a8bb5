import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { BlueskyNetwork, type NetworkAccount } from '../connectors/bluesky-network.js';
import { backfilled, waitFor } from '../inbound/helpers.js';
import { LISTENING_BACKFILL } from '../../src/modules/listening/job-names.js';

// A real local Bluesky network (PDS and AppView): a new topic is filled with the last days from the search of the
// workspace's connected account, and what is posted afterwards arrives through the PDS's firehose, followed as a
// listening source, with no search at all.
describe('listening on a local Bluesky network', () => {
  let net: BlueskyNetwork;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let brand: NetworkAccount;
  let fan: NetworkAccount;

  const mention = (uri: string) => ruche.ctx.store.db.selectFrom('listening_mentions').selectAll().where('uri', '=', uri).executeTakeFirst();

  beforeAll(async () => {
    net = await BlueskyNetwork.start();
    ruche = await startTestRuche('sqlite', { ALLOW_PRIVATE_NETWORKS: '1', INBOX_POLL_SECONDS: '86400' });
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    brand = await net.createAccount('brand');
    fan = await net.createAccount('fan');
    const connected = await owner.post(`/api/v1/workspaces/${ws}/accounts/bluesky`, { service: net.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
    expect(connected.status).toBe(201);
    await backfilled(ruche, connected.body.id);
  }, 120_000);

  afterAll(async () => {
    await ruche?.stop();
    await net?.close();
  }, 60_000);

  it('fills a new topic with the posts of the last days found by search, and only those its query matches', async () => {
    const before = await fan.agent.post({ text: 'Les Ruchettes sont en rupture de stock, quelle déception', langs: ['fr'], createdAt: new Date().toISOString() });
    const excluded = await fan.agent.post({ text: 'Ruchettes en promo, jeu concours !', langs: ['fr'], createdAt: new Date().toISOString() });
    await net.processAll();
    const created = await owner.post(`/api/v1/workspaces/${ws}/listening/topics`, { name: 'Ruchettes', kind: 'product', query: 'Ruchettes -concours' });
    expect(created.status).toBe(201);
    const job = await waitFor('the backfill job', async () => {
      const row = await ruche.ctx.store.db.selectFrom('jobs').select(['status', 'result']).where('type', '=', LISTENING_BACKFILL).executeTakeFirst();
      return row && (row.status === 'succeeded' || row.status === 'failed') ? row : null;
    }, 600);
    expect(job.status).toBe('succeeded');
    const stored = await mention(before.uri);
    expect(stored).toMatchObject({ network: 'bluesky', sentiment: 'negative' });
    expect(await mention(excluded.uri)).toBeUndefined();
    const author = await ruche.ctx.store.db.selectFrom('inbox_authors').select(['external_id', 'handle']).where('id', '=', stored!.author_id).executeTakeFirstOrThrow();
    expect(author).toEqual({ external_id: fan.did, handle: fan.handle });
  });

  it('follows the PDS firehose as a source: a post written afterwards arrives without any search', async () => {
    const added = await owner.post(`/api/v1/workspaces/${ws}/listening/sources`, { kind: 'bluesky_relay', url: net.pdsUrl.replace(/^http/, 'ws') });
    expect(added.status).toBe(201);
    await waitFor('the stream to be live', async () => {
      const s = await ruche.ctx.store.db.selectFrom('listening_sources').select('health').where('id', '=', added.body.id).executeTakeFirst();
      return s?.health === 'live';
    }, 400);
    const later = await fan.agent.post({ text: 'Merci pour les Ruchettes, livrées en un jour !', langs: ['fr'], createdAt: new Date().toISOString() });
    const row = await waitFor('the streamed mention', () => mention(later.uri), 400);
    expect(row).toMatchObject({ source_id: added.body.id, sentiment: 'positive' });
    const source = await ruche.ctx.store.db.selectFrom('listening_sources').select(['cursor', 'mention_count']).where('id', '=', added.body.id).executeTakeFirstOrThrow();
    expect(Number(source.mention_count)).toBe(1);
    await waitFor('the saved position', async () => {
      const s = await ruche.ctx.store.db.selectFrom('listening_sources').select('cursor').where('id', '=', added.body.id).executeTakeFirst();
      return s?.cursor !== null && s?.cursor !== undefined;
    });
  });
});
