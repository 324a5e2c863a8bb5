import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { charterFlow } from './charter-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 180_000;

describe('editorial charter (French)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('is written by a strategist who tries it before saving, keeps its history, lists what breaks it, and is read by a content creator', async () => {
    await charterFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', strategist: 'Sacha Stratège', creator: 'Camille Créatrice', workspace: 'Ruche d’été' });
  }, TIMEOUT);
});
