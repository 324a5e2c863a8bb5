export { XConnector } from './connector.js';
export { countXText } from './count.js';
export { X_CAPABILITIES, X_LIMITS, X_PACING } from './limits.js';
export { X_OAUTH, X_SCOPES } from './oauth.js';
