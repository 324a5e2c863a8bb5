import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { notificationFlow } from './notifications-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 120_000;

describe('notifications (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('affiche le compteur en direct, mène à la publication, marque comme lu et garde les réglages', async () => {
    await notificationFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', writer: 'Élise Rédactrice', workspace: 'Ruche FR' });
  }, TIMEOUT);
});
