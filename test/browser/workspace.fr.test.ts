import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { workspaceFlow } from './workspace-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('l’espace de travail : réglages, vue d’ensemble et validations (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('change les réglages avec le sélecteur de fuseau, montre ce qui attend, valide deux publications d’un coup et en renvoie une', async () => {
    await workspaceFlow(suite.browser, suite.server, network, 'fr', {
      owner: 'Odile Propriétaire',
      workspace: 'Ruche',
      renamed: 'Ruche & Cie',
      refused: 'Trop de publications, réessayez plus tard',
      posts: ['Madeleines au miel et au thym, prêtes en 25 minutes', 'On recrute à Lyon ! #emploi', 'Nos ruches ont bien hiverné', 'La boutique ouvre dimanche'],
      alt: 'Un pot de miel sur une table en bois',
    });
  }, TIMEOUT);
});
