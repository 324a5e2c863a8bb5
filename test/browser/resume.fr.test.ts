/** Resuming publishing after a pause, an overdue post planned again, in French (the browser speaking the other language). */
import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { resumeFlow } from './resume-flow.js';

const TIMEOUT = 120_000;

describe('reprise des publications', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('replanifie une publication en retard, jour et heure saisis à la façon de la langue de l’application', async () => {
    await resumeFlow(suite.browser, suite.server, 'fr', 'Les soldes commencent');
  }, TIMEOUT);
});
