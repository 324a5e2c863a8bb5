import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { workspaceFlow } from './workspace-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('the workspace: settings, overview and approvals (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('changes the settings with the time zone picker, shows what needs attention, approves two posts at once and sends one back', async () => {
    await workspaceFlow(suite.browser, suite.server, network, 'en', {
      owner: 'Olga Owner',
      workspace: 'Hive',
      renamed: 'Hive & Co',
      refused: 'Slow down, the moderators said no',
      posts: ['Honey and thyme madeleines, ready in 25 minutes', 'We are hiring in Lyon! #jobs', 'Our hives wintered well', 'The shop opens on Sunday'],
      alt: 'A jar of honey on a wooden table',
    });
  }, TIMEOUT);
});
