import { afterAll, beforeAll, describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { networksConnectFlow } from './networks-connect-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { MetaFake } from '../connectors/meta-fake.js';

const TIMEOUT = 180_000;
const fake = new MetaFake();

describe('connecting Facebook and Instagram through Meta\'s login (en)', () => {
  const env = () => ({
    RUCHE_META_APP_ID: fake.app.id, RUCHE_META_APP_SECRET: fake.app.secret, RUCHE_META_API_BASE: fake.apiBase,
    RUCHE_META_AUTHORIZE_URL: `${fake.apiBase}/dialog/oauth`, RUCHE_META_TOKEN_URL: `${fake.apiBase}/oauth/access_token`,
  });
  // Ruche reads a network's app from its environment, as an installer's would point it at Meta.
  beforeAll(async () => {
    await fake.start();
    Object.assign(process.env, env());
  });
  afterAll(async () => {
    for (const name of Object.keys(env())) delete process.env[name];
    await fake.close();
  });
  const suite = browserSuite(() => startTestRuche('sqlite', { ...env(), ALLOW_PRIVATE_NETWORKS: '1' }), TIMEOUT);

  it('connects a Page and its Instagram account from the picker, explains failures and warns before a token expires', async () => {
    await networksConnectFlow(suite.browser, suite.server, fake, 'en', { owner: 'Olga Owner', page: 'Miel du Rhône', lonely: 'Hive Shop' });
  }, TIMEOUT);
});
