import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { notificationFlow } from './notifications-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 120_000;

describe('notifications (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('shows a live count, lists the request with a link to the post, reads it, and keeps preferences', async () => {
    await notificationFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', writer: 'Wendy Writer', workspace: 'Hive' });
  }, TIMEOUT);
});
