import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { crisisFlow } from './crisis-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 120_000;

describe('crisis radar (English)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('opens an alert, enters crisis mode with publishing paused, keeps a log and a statement, and closes resuming publishing', async () => {
    await crisisFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', workspace: 'Hive' });
  }, TIMEOUT);
});
