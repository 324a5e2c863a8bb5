export { YouTubeConnector, titleFor } from './connector.js';
export { YOUTUBE_CAPABILITIES, YOUTUBE_LIMITS, YOUTUBE_PACING } from './limits.js';
export { YOUTUBE_OAUTH, YOUTUBE_SCOPES } from './oauth.js';
