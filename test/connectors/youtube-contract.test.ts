/**
 * No Google server can run here: the contract runs against test/connectors/youtube-fake.ts, an HTTP server on
 * 127.0.0.1 that follows the documented YouTube Data API v3 and Google's OAuth 2. It proves our side. Every post
 * carries the test video.
 */
import { connectorContract } from '../../src/connectors/contract.js';
import { YOUTUBE_CAPABILITIES } from '../../src/connectors/youtube/index.js';
import { youtubeContractNetwork, youtubeSkips } from './youtube-harness.js';

connectorContract('youtube', () => youtubeContractNetwork(), YOUTUBE_CAPABILITIES, youtubeSkips);
