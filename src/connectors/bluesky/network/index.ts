export { streamJetstream, jetstreamUrl, type JetstreamOptions } from './jetstream.js';
export { toListeningPost, type PostSource } from './listening-post.js';
export type { NetworkStreamOptions, StreamStats, StreamStatus, BatchLimits, BackoffLimits } from './types.js';
