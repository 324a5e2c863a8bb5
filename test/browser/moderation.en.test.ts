import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { moderationFlow } from './moderation-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('moderation console (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('tries a rule then switches it on, decides the review queue by keyboard, shows the decisions in the log, and keeps saved replies in both languages', async () => {
    await moderationFlow(suite.browser, suite.server, 'en', { owner: 'Cleo Community', workspace: 'Hive' });
  }, TIMEOUT);
});
