import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { oneAMinute, pacingFlow } from './pacing-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 120_000;

describe('a post waiting for its network\'s budget (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: oneAMinute(network) }), TIMEOUT);

  it('says on the post which network it waits for and until when', async () => {
    await pacingFlow(suite.browser, suite.server, network, 'en');
  }, TIMEOUT);
});
