import type { NetworkInfo } from '../index.js';
import { countXText } from './count.js';
import { XConnector } from './connector.js';
import { X_CAPABILITIES, X_LIMITS, X_PACING } from './limits.js';
import { X_OAUTH } from './oauth.js';

export const X_NETWORK: NetworkInfo = {
  id: 'x',
  name: 'X',
  capabilities: X_CAPABILITIES,
  limits: X_LIMITS,
  countText: (text) => countXText(text),
  create: (deps) => new XConnector(deps),
  publishPacing: X_PACING,
  oauth: X_OAUTH,
};
