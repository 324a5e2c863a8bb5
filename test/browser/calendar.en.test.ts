import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { calendarFlow } from './calendar-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;

describe('calendar (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('shows every post readably, folds the filters, and plans posts by dragging or from the keyboard', async () => {
    await calendarFlow(suite.browser, suite.server, network, 'en', {
      owner: 'Olga Owner', workspace: 'Hive',
      campaign: 'Spring campaign',
      close: ['First of three launch posts', 'Second launch post', 'Third launch post'],
      image: 'Post with a picture', draft: 'Draft with a time',
      unplanned: ['Idea for next week', 'Idea with an image'],
      published: 'Already out', failed: 'Refused by the network',
      nextWeek: 'Planned for next week', far: 'Planned in two months',
    });
  }, TIMEOUT);
});
