export { MastodonConnector } from './connector.js';
export { registerMastodonApp, mastodonAuthorizeUrl, exchangeMastodonCode, normaliseInstanceUrl, MASTODON_SCOPES, type MastodonApp } from './connect.js';
export { countMastodonText, limitsFromInstance, MASTODON_CAPABILITIES, MASTODON_DEFAULT_LIMITS, MASTODON_PACING } from './limits.js';
export { MastodonCredentials } from './schemas.js';
