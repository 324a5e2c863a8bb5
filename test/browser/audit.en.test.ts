import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { auditFlow } from './audit-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 120_000;

describe('audit log and background work (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('tells every event as a sentence and every job by its name', async () => {
    await auditFlow(suite.browser, suite.server, network, 'en', {
      owner: 'Olga Owner', member: 'Marc Martin', workspace: 'Hive', campaign: 'Summer sale', oldCampaign: 'Spring teaser',
    });
  }, TIMEOUT);
});
