import type { NetworkInfo } from '../index.js';
import { countWith } from '../text.js';
import { INSTAGRAM_OAUTH } from '../meta/oauth.js';
import { InstagramConnector } from './connector.js';
import { INSTAGRAM_CAPABILITIES, INSTAGRAM_LIMITS, INSTAGRAM_PACING } from './limits.js';

export const INSTAGRAM_NETWORK: NetworkInfo = {
  id: 'instagram',
  name: 'Instagram',
  capabilities: INSTAGRAM_CAPABILITIES,
  limits: INSTAGRAM_LIMITS,
  countText: (text) => countWith(INSTAGRAM_LIMITS.text, text),
  create: (deps) => new InstagramConnector(deps),
  publishPacing: INSTAGRAM_PACING,
  oauth: INSTAGRAM_OAUTH,
};
