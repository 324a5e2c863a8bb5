import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { ytAnalyticsFlow } from './yt-analytics-flow.js';
import { startTestRuche } from '../helpers/ruche.js';

const TIMEOUT = 120_000;

describe('YouTube viewing figures in analytics (French)', () => {
  const suite = browserSuite(() => startTestRuche('sqlite'), TIMEOUT);

  it('shows each video\'s minutes watched, average view, shares and subscribers gained, and the channels\' totals, or why YouTube gave none', async () => {
    await ytAnalyticsFlow(suite.browser, suite.server, 'fr');
  }, TIMEOUT);
});
