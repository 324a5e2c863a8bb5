import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { moderationLinksFlow } from './moderation-links-flow.js';
import { startInboxServer } from './inbox-fixture.js';

const TIMEOUT = 180_000;

describe('liens des notifications de modération (français)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('ouvrent l’élément, et la semaine des temps forts nommée par ses jours', async () => {
    await moderationLinksFlow(suite.browser, suite.server, 'fr', { owner: 'Nora Propriétaire', workspace: 'Ruche liée' });
  }, TIMEOUT);
});
