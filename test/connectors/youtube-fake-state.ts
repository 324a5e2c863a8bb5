/**
 * What the YouTube fake keeps, and Google's error body (developers.google.com/youtube/v3/docs/errors, read 2026):
 * `{error: {code, message, errors: [{message, domain, reason}], status}}`, the message YouTube's own.
 */
export interface FakeChannel { id: string; title: string; customUrl: string; subscribers: number; uploads: string }
export interface FakeVideo {
  id: string; channelId: string; title: string; description: string; defaultLanguage: string | null;
  privacyStatus: string; publishAt: string | null; publishedAt: string; likes: number; views: number;
  commentsDisabled: boolean; deleted: boolean;
  /** videos#status and videos#processingDetails: an upload is processed after it is accepted, and may fail or be rejected. */
  uploadStatus: 'uploaded' | 'processed' | 'failed' | 'rejected';
  processingStatus: 'processing' | 'succeeded' | 'failed' | 'terminated';
  failureReason: string | null; rejectionReason: string | null; processingFailureReason: string | null;
  /** What YouTube Analytics reports of it; null until its figures are out (two or three days after upload). */
  analytics: FakeVideoAnalytics | null;
}
export interface FakeVideoAnalytics { estimatedMinutesWatched: number; averageViewDuration: number; shares: number; subscribersGained: number; subscribersLost: number }
export interface FakeComment {
  id: string; videoId: string; parentId: string | null; authorChannelId: string; authorDisplayName: string;
  text: string; publishedAt: string; moderationStatus: 'published' | 'heldForReview' | 'rejected'; deleted: boolean;
}
export interface UploadSession { id: string; channelId: string; resource: Record<string, any>; total: number; bytes: Buffer; videoId: string | null }

export class GoogleError extends Error {
  constructor(readonly code: number, readonly reason: string, message: string, readonly domain = 'youtube.api') {
    super(message);
  }

  body(): unknown {
    const status = ({ 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED' } as Record<number, string>)[this.code] ?? 'UNKNOWN';
    return { error: { code: this.code, message: this.message, errors: [{ message: this.message, domain: this.domain, reason: this.reason }], status } };
  }
}

/** The documented errors the fake answers, each as YouTube words it. */
export const ERR = {
  auth: () => new GoogleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'global'),
  scopes: () => new GoogleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', 'global'),
  quota: () => new GoogleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota'),
  rate: () => new GoogleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.', 'usageLimits'),
  forbidden: () => new GoogleError(403, 'forbidden', 'The request is not properly authorized.', 'youtube.comment'),
  uploadLimit: () => new GoogleError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', 'youtube.video'),
  publishAt: () => new GoogleError(400, 'invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.', 'youtube.video'),
  title: () => new GoogleError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.', 'youtube.video'),
  description: () => new GoogleError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.', 'youtube.video'),
  videoNotFound: () => new GoogleError(404, 'videoNotFound', 'The video identified by the <code><a href="/youtube/v3/docs/videos/delete#id">id</a></code> parameter could not be found.', 'youtube.video'),
  commentsDisabled: () => new GoogleError(403, 'commentsDisabled', 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter has disabled comments.', 'youtube.commentThread'),
  commentNotFound: () => new GoogleError(404, 'commentNotFound', 'The comment identified by the <code><a href="/youtube/v3/docs/comments/setModerationStatus#id">id</a></code> parameter could not be found.', 'youtube.comment'),
  // A Google Cloud quota of the project (the Analytics API's queries a day), as Google words it.
  analyticsQuota: () => new GoogleError(429, 'rateLimitExceeded', "Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service 'youtubeanalytics.googleapis.com'.", 'usageLimits'),
  analyticsUnsupported: () => new GoogleError(400, 'badRequest', 'The query is not supported. Check the documentation at https://developers.google.com/youtube/analytics/v2/available_reports for a list of supported queries.', 'global'),
  banWithoutReject: () => new GoogleError(400, 'banWithoutReject', 'The <code>banAuthor</code> parameter can only be used if the <code>moderationStatus</code> parameter value is <code>rejected</code>.', 'youtube.comment'),
};

/** Quota units per call (developers.google.com/youtube/v3/determine_quota_cost); 10,000 a day per project. */
export const COST: Record<string, number> = { list: 1, insert: 1600, write: 50 };
export const DAILY_QUOTA = 10_000;
