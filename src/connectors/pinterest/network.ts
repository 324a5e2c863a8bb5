import type { NetworkInfo } from '../index.js';
import { PinterestConnector } from './connector.js';
import { countPinterestText, PINTEREST_CAPABILITIES, PINTEREST_LIMITS, PINTEREST_PACING } from './limits.js';
import { PINTEREST_OAUTH } from './oauth.js';

export const PINTEREST_NETWORK: NetworkInfo = {
  id: 'pinterest',
  name: 'Pinterest',
  capabilities: PINTEREST_CAPABILITIES,
  limits: PINTEREST_LIMITS,
  countText: (text) => countPinterestText(text),
  create: (deps) => new PinterestConnector(deps),
  publishPacing: PINTEREST_PACING,
  oauth: PINTEREST_OAUTH,
};
