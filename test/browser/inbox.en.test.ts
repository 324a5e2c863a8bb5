import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { inboxFlow } from './inbox-flow.js';
import { startInboxServer } from './inbox-fixture.js';

const TIMEOUT = 180_000;

describe('inbox (English)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('triages with the keyboard, filters with live counts, replies with a saved reply and shows a new item live', async () => {
    await inboxFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', workspace: 'Hive' });
  }, TIMEOUT);
});
