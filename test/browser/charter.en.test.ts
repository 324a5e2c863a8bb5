import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { charterFlow } from './charter-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 180_000;

describe('editorial charter (English)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('is written by a strategist who tries it before saving, keeps its history, lists what breaks it, and is read by a content creator', async () => {
    await charterFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', strategist: 'Sam Strategist', creator: 'Cleo Creator', workspace: 'Hive' });
  }, TIMEOUT);
});
