import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { analyticsFlow } from './analytics-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 180_000;

describe('analytics (French)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('starts from what to do, sets an objective, compares periods, drills down to a post\'s growth and lists the workspaces side by side', async () => {
    await analyticsFlow(suite.browser, suite.server, 'fr', { owner: 'Odile Propriétaire', workspace: 'Ruche de Lyon', other: 'Rayon' });
  }, TIMEOUT);
});
