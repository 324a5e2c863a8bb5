import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { composerFlow } from './composer-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 150_000;

describe('rédaction (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('détecte la langue, insère un émoji, montre les balises UTM, reprend une image, montre les erreurs et met un brouillon en file', async () => {
    await composerFlow(suite.browser, suite.server, 'fr', {
      owner: 'Odile Propriétaire', workspace: 'Ruche FR', campaign: 'Soldes de printemps',
      message: 'Notre miel de printemps est de retour dans toutes les boutiques cette semaine : https://shop.example/ruche',
      detected: 'Langue détectée : français', beeSearch: 'abeille',
      image: { file: 'photo-ruche.png', alt: 'Une ruche au soleil', search: 'photo' },
    });
  }, TIMEOUT);
});
