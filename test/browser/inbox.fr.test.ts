import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { inboxFlow } from './inbox-flow.js';
import { startInboxServer } from './inbox-fixture.js';

const TIMEOUT = 180_000;

describe('boîte de réception (français)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('trie au clavier, filtre avec des comptes à jour, répond avec une réponse enregistrée et montre un nouvel élément en direct', async () => {
    await inboxFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', workspace: 'Ruche' });
  }, TIMEOUT);
});
