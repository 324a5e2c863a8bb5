import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { moderationFlow } from './moderation-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;
// The English run is on SQLite; this one on PostgreSQL when a test database is given.
const DATABASE = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

describe(`moderation console (French, ${DATABASE})`, () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche(DATABASE, {}, { connectors: network.factory() }), TIMEOUT);

  it('tries a rule then switches it on, decides the review queue by keyboard, shows the decisions in the log, and keeps saved replies in both languages', async () => {
    await moderationFlow(suite.browser, suite.server, 'fr', { owner: 'Camille Communauté', workspace: 'Ruche Paris' });
  }, TIMEOUT);
});
