export { streamJetstream, jetstreamUrl, type JetstreamOptions } from './jetstream.js';
export { toListeningPost, type PostSource } from './listening-post.js';
export type { NetworkStreamOptions, ReadPosts, StreamStats, StreamStatus, BatchLimits, BackoffLimits } from './types.js';
export { streamRelayPosts, relayUrl } from './relay.js';
export { searchRecentPosts, type RecentSearch, type RecentSearchOptions } from './search.js';
