import type { NetworkInfo } from '../index.js';
import { countWith } from '../text.js';
import { FACEBOOK_OAUTH } from '../meta/oauth.js';
import { FacebookConnector } from './connector.js';
import { FACEBOOK_CAPABILITIES, FACEBOOK_LIMITS, FACEBOOK_PACING } from './limits.js';

export const FACEBOOK_NETWORK: NetworkInfo = {
  id: 'facebook',
  name: 'Facebook',
  capabilities: FACEBOOK_CAPABILITIES,
  limits: FACEBOOK_LIMITS,
  countText: (text) => countWith(FACEBOOK_LIMITS.text, text),
  create: (deps) => new FacebookConnector(deps),
  publishPacing: FACEBOOK_PACING,
  oauth: FACEBOOK_OAUTH,
};
