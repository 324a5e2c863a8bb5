import { describe, it } from 'vitest';
import { browserSuite, startServer } from './harness.js';
import { errorsFlow } from './errors-flow.js';

const TIMEOUT = 120_000;

describe('the first errors a new user meets (French)', () => {
  const suite = browserSuite(() => startServer(), TIMEOUT);

  it('says each in the page’s language, at desktop width and at 390 px', async () => {
    await errorsFlow(suite.browser, suite.server, 'fr');
  }, TIMEOUT);
});
