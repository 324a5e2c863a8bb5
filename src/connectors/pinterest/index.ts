export { PinterestConnector } from './connector.js';
export { PINTEREST_CAPABILITIES, PINTEREST_LIMITS, PINTEREST_PACING, PINTEREST_TITLE_MAX, countPinterestText } from './limits.js';
export { PINTEREST_OAUTH, exchangePinterestCode } from './oauth.js';
