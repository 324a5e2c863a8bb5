import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { startInboxServer } from './inbox-fixture.js';
import { charterLintFlow } from './charter-lint-flow.js';

const TIMEOUT = 180_000;

describe('the charter checked as one writes (French)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('marks and fixes a draft, sends it through legal review, and holds a saved reply and an inbox reply with a forbidden word until rewritten', async () => {
    await charterLintFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', strategist: 'Sacha Stratège', workspace: 'Ruche' });
  }, TIMEOUT);
});
