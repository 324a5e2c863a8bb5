import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { inboxClientFlow } from './inbox-client-flow.js';
import { startInboxServer } from './inbox-fixture.js';

const TIMEOUT = 180_000;

describe('a client and the inbox (English)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('reads it only when the workspace allows, without the internal notes, and never acts', async () => {
    await inboxClientFlow(suite.browser, suite.server, 'en', {
      owner: 'Olga Owner', client: 'Claire Client', workspace: 'Client hive',
      post: 'Our spring honey is here.',
      complaint: 'My order never arrived, I have been waiting for 3 weeks and nobody answers. Unacceptable!',
      note: 'Loyal customer, call her back before noon',
      datePattern: 'mm/dd/yyyy', date: '12/03/2026',
    });
  }, TIMEOUT);
});
