import type { NetworkInfo } from '../index.js';
import { countWith } from '../text.js';
import { YouTubeConnector } from './connector.js';
import { YOUTUBE_CAPABILITIES, YOUTUBE_LIMITS, YOUTUBE_PACING } from './limits.js';
import { YOUTUBE_OAUTH } from './oauth.js';

export const YOUTUBE_NETWORK: NetworkInfo = {
  id: 'youtube',
  name: 'YouTube',
  capabilities: YOUTUBE_CAPABILITIES,
  limits: YOUTUBE_LIMITS,
  countText: (text) => countWith(YOUTUBE_LIMITS.text, text),
  create: (deps) => new YouTubeConnector(deps),
  publishPacing: YOUTUBE_PACING,
  oauth: YOUTUBE_OAUTH,
};
