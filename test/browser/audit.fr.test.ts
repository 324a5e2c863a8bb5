import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { auditFlow } from './audit-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 120_000;

describe('journal d’audit et travaux en arrière-plan (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('raconte chaque événement en une phrase et nomme chaque tâche', async () => {
    await auditFlow(suite.browser, suite.server, network, 'fr', {
      owner: 'Olga Dupont', member: 'Marc Martin', workspace: 'Ruche & Co', campaign: 'Soldes d’été', oldCampaign: 'Avant-première',
    });
  }, TIMEOUT);
});
