import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { metaEnv, useMetaFake } from './meta-connect.js';
import { networksPublishFlow } from './networks-publish-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { MetaFake } from '../connectors/meta-fake.js';

const TIMEOUT = 240_000;
const fake = new MetaFake();

// The French run is on PostgreSQL when a test database is given; this one on SQLite.
describe('publishing to Facebook and Instagram, and answering an Instagram comment (en, sqlite)', () => {
  useMetaFake(fake);
  const suite = browserSuite(() => startTestRuche('sqlite', { ...metaEnv(fake), ALLOW_PRIVATE_NETWORKS: '1' }), TIMEOUT);

  it('schedules a post with its own Instagram text and a story, sees both published, and answers and hides a hostile comment from the inbox', async () => {
    await networksPublishFlow(suite.browser, suite.server, fake, 'en', {
      owner: 'Olga Owner', page: 'Hive Honey',
      body: 'Spring harvest is in: acacia honey, light and sweet. Orders open Monday.',
      variant: 'Spring harvest is in 🍯 Acacia honey, light and sweet. Every jar comes from our hives on the slopes above the river, where the bees forage on acacia, lime and wild flowers from April to June. We extract it cold and never heat it, so it keeps all its aromas. Orders open on Monday morning. Link in bio! #honey #beekeeping #acacia',
      alt: 'Jars of pale acacia honey on a wooden shelf',
      storyAlt: 'A beekeeper lifting a frame full of capped honey',
      comment: 'Nice <img src=x onerror=alert(1)> how much for 2 jars?',
      reply: 'Thank you! A jar is 9 €, two are 16 €.',
      removed: 'Do you deliver to Leeds? Never mind, found it',
      hiddenThere: 'Cheap followers here, click my profile',
    });
  }, TIMEOUT);
});
