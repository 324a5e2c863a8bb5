export { BlueskyConnector } from './connector.js';
export { connectBluesky, INVALID_LOGIN, MAIN_PASSWORD } from './connect.js';
export { BLUESKY_CAPABILITIES, BLUESKY_LIMITS, countBlueskyText } from './limits.js';
export { rkeyFor } from './rkey.js';
export { BlueskyCredentials } from './schemas.js';
