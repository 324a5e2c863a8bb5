import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { inboxClientFlow } from './inbox-client-flow.js';
import { startInboxServer } from './inbox-fixture.js';

const TIMEOUT = 180_000;

describe('un client et la boîte de réception (français)', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('la lit seulement quand l’espace le permet, sans les notes internes, et n’agit jamais', async () => {
    await inboxClientFlow(suite.browser, suite.server, 'fr', {
      owner: 'Odile Propriétaire', client: 'Claire Cliente', workspace: 'Ruche du client',
      post: 'Notre miel de printemps est arrivé.',
      complaint: 'Ma commande n’est jamais arrivée, j’attends depuis 3 semaines et personne ne répond. Inadmissible !',
      note: 'Cliente fidèle, la rappeler avant midi',
      datePattern: 'jj/mm/aaaa', date: '03/12/2026',
    });
  }, TIMEOUT);
});
