import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { listeningFlow } from './listening-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 120_000;

describe('listening (English)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('creates a topic from a checked query, sees its mentions arrive live with their terms marked, and its volume on the dashboard', async () => {
    await listeningFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', workspace: 'Hive' });
  }, TIMEOUT);
});
