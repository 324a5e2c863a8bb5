import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { lookFlow } from './look-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 240_000;

describe('l’apparence des pages (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('montre les groupes de champs sans cadre, les titres sans anneau de focus au chargement, et des boutons courts', async () => {
    await lookFlow(suite.browser, suite.server, network, 'fr', {
      owner: 'Odile Propriétaire',
      workspace: 'Ruche',
      member: 'Marc Membre',
      campaign: 'Lancement de printemps',
      posts: {
        close: ['Premier message du lancement', 'Deuxième message du lancement', 'Troisième message du lancement'],
        image: 'Message avec une image', draft: 'Brouillon avec une heure', unplanned: ['Idée pour la semaine prochaine', 'Idée avec une image'],
        published: 'Déjà parti', failed: 'Refusé par le réseau',
      },
    });
  }, TIMEOUT);
});
