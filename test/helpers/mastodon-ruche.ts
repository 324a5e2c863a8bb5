/**
 * A Ruche whose real Mastodon connector speaks to the documented-API fake (no Mastodon server installs here) through
 * a fetch that can lose answers, with the brand's account on the fake connected to the owner's workspace.
 * Registers the suite's beforeAll and afterAll; read the fields inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { startTestRuche, type TestRuche } from './ruche.js';
import { setupOwner, type TestClient } from './client.js';
import { MastodonFake } from '../connectors/mastodon-fake.js';
import type { FakeAccount } from '../connectors/mastodon-fake-state.js';
import type { MastodonQuirks } from '../connectors/mastodon-fake-quirks.js';
import { lossyFetch } from '../connectors/lossy-fetch.js';
import { MastodonConnector } from '../../src/connectors/mastodon/index.js';
import { saveConnection } from '../../src/modules/accounts/service.js';

export interface MastodonSuite {
  fake: MastodonFake;
  lossy: ReturnType<typeof lossyFetch>;
  ruche: TestRuche;
  owner: TestClient;
  ws: string;
  userId: string;
  /** The brand's account on the fake. */
  me: FakeAccount;
  /** Its id in Ruche. */
  accountId: string;
}

export function mastodonSuite(kind: 'sqlite' | 'postgres', opts: { brand: string; quirks?: MastodonQuirks | 'hollo' }): MastodonSuite {
  const suite = { lossy: lossyFetch() } as MastodonSuite;
  beforeAll(async () => {
    suite.fake = await new MastodonFake({ quirks: opts.quirks }).start();
    suite.me = suite.fake.createAccount(opts.brand);
    suite.ruche = await startTestRuche(kind, {}, {
      connectors: { create: (_network, deps) => new MastodonConnector({ ...deps, fetch: suite.lossy.fetch }) },
    });
    const setup = await setupOwner(suite.ruche.url);
    ({ client: suite.owner, workspaceId: suite.ws, userId: suite.userId } = setup);
    const { fake, me } = suite;
    suite.accountId = await saveConnection(suite.ruche.ctx, {
      workspaceId: suite.ws, userId: suite.userId, network: 'mastodon', serviceUrl: fake.url, ip: null,
      credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id },
      account: { id: me.id, handle: me.username, displayName: null, followers: null },
    });
  });
  afterAll(async () => {
    await suite.ruche?.stop();
    await suite.fake?.close();
  });
  return suite;
}
