import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { reportsFlow } from './reports-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 180_000;

describe('reports (English)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('makes a report of last month, follows it until ready, downloads it, and shares it with someone signed out', async () => {
    await reportsFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', workspace: 'Hive' });
  }, TIMEOUT);
});
