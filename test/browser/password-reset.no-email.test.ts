import { describe, it } from 'vitest';
import { browserSuite, startServer } from './harness.js';
import { noEmailFlow } from './password-reset-flow.js';
import { setupOwner } from '../helpers/client.js';

const TIMEOUT = 120_000;

describe('a forgotten password on an install without e-mail', () => {
  const suite = browserSuite(async () => {
    const server = await startServer();
    // Past the first visit, which creates the owner: the sign-in page is shown.
    await setupOwner(server.url);
    return server;
  }, TIMEOUT);

  it('says the administrator resets it, and the command that does it, in English and French', async () => {
    await noEmailFlow(suite.browser, suite.server, 'en');
    await noEmailFlow(suite.browser, suite.server, 'fr');
  }, TIMEOUT);
});
