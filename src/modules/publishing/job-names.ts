/** Job types of the publishing module. Payloads are versioned; a new shape gets a new version. */
export const POST_PUBLISH = 'post.publish';

export interface PostPublishPayloadV1 {
  postId: string;
  version: number;
  scheduledAt: number;
}

/** After a network accepted a post it still works on (YouTube processes an upload): follows it until it is done. */
export const POST_PROCESSING = 'post.processing';

export interface PostProcessingPayloadV1 {
  targetId: string;
  externalId: string;
}
