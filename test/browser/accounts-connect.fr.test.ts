import { describe, it } from 'vitest';
import { browserSuite, startServer } from './harness.js';
import { accountsConnectFlow } from './accounts-connect-flow.js';

const TIMEOUT = 120_000;

describe('connecter un premier compte (français)', () => {
  const suite = browserSuite(() => startServer(), TIMEOUT);

  it('says what is missing or mistyped in each form before anything is sent', async () => {
    await accountsConnectFlow(suite.browser, suite.server, 'fr');
  }, TIMEOUT);
});
