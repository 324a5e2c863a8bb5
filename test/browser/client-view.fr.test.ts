import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { clientViewFlow } from './client-view-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('what a client sees (French)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('keeps the team’s pages, drafts and internal comments from the client until the workspace opens them', async () => {
    await clientViewFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', client: 'Camille Cliente', workspace: 'Agence Ruche', draft: 'Idée à moitié écrite sur le miel', inReview: 'Notre miel de printemps est arrivé', internal: 'Entre nous : la marge est faible sur celle-ci', shared: 'La photo des pots vous convient-elle ?', reply: 'La photo est parfaite, merci' });
  }, TIMEOUT);
});
