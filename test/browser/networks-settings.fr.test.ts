import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { networksSettingsFlow } from './networks-settings-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 180_000;

describe('Settings > Networks (French)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('lets the instance administrator save LinkedIn keys and see it ready, never showing the secret; a workspace admin has no way there', async () => {
    await networksSettingsFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', admin: 'Adèle Admin', workspace: 'Hive' });
  }, TIMEOUT);
});
