import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { accountsRefusedFlow } from './accounts-refused-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { Pds } from '../connectors/bluesky-harness.js';
import { MastodonFake } from '../connectors/mastodon-fake.js';

const TIMEOUT = 180_000;

describe('connecter un compte que le réseau refuse (français)', () => {
  let pds: Pds;
  let fake: MastodonFake;
  // The PDS and the instance are on loopback, so this Ruche lets its guard reach private addresses.
  const suite = browserSuite(async () => {
    pds = await Pds.start();
    fake = await new MastodonFake().start();
    fake.createAccount('hive');
    const ruche = await startTestRuche('sqlite', { ALLOW_PRIVATE_NETWORKS: '1' });
    const stop = ruche.stop;
    return { ...ruche, stop: async () => { await stop(); await fake.close(); await pds.close(); } };
  }, TIMEOUT);

  it('dit quoi vérifier quand Bluesky ou Mastodon refuse, puis connecte', async () => {
    await accountsRefusedFlow(suite.browser, suite.server, pds, fake, 'fr');
  }, TIMEOUT);
});
