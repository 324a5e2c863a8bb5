import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { composerFlow } from './composer-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 150_000;

describe('composer (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('detects the language, inserts an emoji, shows UTM tags, reuses an image, brings errors into view and queues a draft', async () => {
    await composerFlow(suite.browser, suite.server, 'en', {
      owner: 'Olga Owner', workspace: 'Hive', campaign: 'Spring sale',
      message: 'Our spring honey is back in every shop this week: https://shop.example/ruche',
      detected: 'Detected: English', beeSearch: 'honeybee',
      image: { file: 'hive-photo.png', alt: 'A hive in the sun', search: 'photo' },
    });
  }, TIMEOUT);
});
