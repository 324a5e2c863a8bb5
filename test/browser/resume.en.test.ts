/** Resuming publishing after a pause, an overdue post planned again, in English (the browser speaking the other language). */
import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { resumeFlow } from './resume-flow.js';

const TIMEOUT = 120_000;

describe('resuming publishing', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('plans an overdue post again, its day and time typed the app language’s way', async () => {
    await resumeFlow(suite.browser, suite.server, 'en', 'The sale starts');
  }, TIMEOUT);
});
