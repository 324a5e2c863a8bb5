import type { NetworkInfo } from '../index.js';
import { LinkedInConnector } from './connector.js';
import { countLinkedInText, LINKEDIN_CAPABILITIES, LINKEDIN_LIMITS, LINKEDIN_PACING } from './limits.js';
import { LINKEDIN_OAUTH } from './oauth.js';

export const LINKEDIN_NETWORK: NetworkInfo = {
  id: 'linkedin',
  name: 'LinkedIn',
  capabilities: LINKEDIN_CAPABILITIES,
  limits: LINKEDIN_LIMITS,
  countText: (text) => countLinkedInText(text),
  create: (deps) => new LinkedInConnector(deps),
  publishPacing: LINKEDIN_PACING,
  oauth: LINKEDIN_OAUTH,
};
