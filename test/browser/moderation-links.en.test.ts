import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { moderationLinksFlow } from './moderation-links-flow.js';
import { startInboxServer } from './inbox-fixture.js';

const TIMEOUT = 180_000;

describe('moderation notification links (English)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('open the item, and the week of highlights named by its days', async () => {
    await moderationLinksFlow(suite.browser, suite.server, 'en', { owner: 'Nora Owner', workspace: 'Linked hive' });
  }, TIMEOUT);
});
