import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { calendarFlow } from './calendar-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('calendrier (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('montre chaque publication lisible, replie les filtres et planifie par glisser-déposer ou au clavier', async () => {
    await calendarFlow(suite.browser, suite.server, network, 'fr', {
      owner: 'Odile Propriétaire', workspace: 'Ruche FR',
      campaign: 'Campagne de printemps',
      close: ['Première des trois annonces', 'Deuxième annonce', 'Troisième annonce'],
      image: 'Publication avec une image', draft: 'Brouillon avec une heure',
      unplanned: ['Idée pour la semaine prochaine', 'Idée avec une image'],
      published: 'Déjà partie', failed: 'Refusée par le réseau',
      nextWeek: 'Prévue la semaine prochaine', far: 'Prévue dans deux mois',
    });
  }, TIMEOUT);
});
