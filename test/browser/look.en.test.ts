import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { lookFlow } from './look-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 240_000;

describe('how the pages look (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('shows form groups without frames, titles without a focus ring on load, and short button texts', async () => {
    await lookFlow(suite.browser, suite.server, network, 'en', {
      owner: 'Olga Owner',
      workspace: 'Hive',
      member: 'Marc Member',
      campaign: 'Spring launch',
      posts: {
        close: ['First launch post', 'Second launch post', 'Third launch post'],
        image: 'Post with a picture', draft: 'Draft with a time', unplanned: ['Idea for next week', 'Idea with an image'],
        published: 'Already out', failed: 'Refused by the network',
      },
    });
  }, TIMEOUT);
});
