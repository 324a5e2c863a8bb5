/** Job types of the publishing module. Payloads are versioned; a new shape gets a new version. */
export const POST_PUBLISH = 'post.publish';

export interface PostPublishPayloadV1 {
  postId: string;
  version: number;
  scheduledAt: number;
}
