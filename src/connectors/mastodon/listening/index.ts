export { toListeningPost, qualified } from './post.js';
export { readHashtagTimeline, hashtagName, type HashtagTimelineOptions, type HashtagTimelinePage } from './timeline.js';
export { streamPublic, type PublicStream, type PublicStreamEnd, type PublicStreamOptions, type PublicStreamStatus } from './stream.js';
export { readHashtagAcross, type HashtagAcrossOptions, type InstanceCursor, type InstanceRead } from './across.js';
export { dedupeByUri } from './dedupe.js';
