import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { clientViewFlow } from './client-view-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('what a client sees (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('keeps the team’s pages, drafts and internal comments from the client until the workspace opens them', async () => {
    await clientViewFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', client: 'Kim Client', workspace: 'Hive Agency', draft: 'Half-written idea about honey', inReview: 'Our spring honey is here', internal: 'Between us: margins are thin on this one', shared: 'Is the photo of the jars right for you?', reply: 'The photo is fine, thank you' });
  }, TIMEOUT);
});
