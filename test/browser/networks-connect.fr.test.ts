import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { metaEnv, useMetaFake } from './meta-connect.js';
import { networksConnectFlow } from './networks-connect-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { MetaFake } from '../connectors/meta-fake.js';

const TIMEOUT = 180_000;
const fake = new MetaFake();

describe('connecting Facebook and Instagram through Meta\'s login (fr)', () => {
  useMetaFake(fake);
  const suite = browserSuite(() => startTestRuche('sqlite', { ...metaEnv(fake), ALLOW_PRIVATE_NETWORKS: '1' }), TIMEOUT);

  it('connects a Page and its Instagram account from the picker, explains failures and warns before a token expires', async () => {
    await networksConnectFlow(suite.browser, suite.server, fake, 'fr', { owner: 'Odile Gérante', page: 'Miel du Rhône', lonely: 'Boutique Ruche' });
  }, TIMEOUT);
});
