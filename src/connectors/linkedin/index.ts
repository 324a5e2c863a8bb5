export { LinkedInConnector } from './connector.js';
export { LINKEDIN_CAPABILITIES, LINKEDIN_LIMITS, LINKEDIN_PACING, countLinkedInText } from './limits.js';
export { LINKEDIN_OAUTH, exchangeLinkedInCode } from './oauth.js';
export { LINKEDIN_VERSION } from './http.js';
