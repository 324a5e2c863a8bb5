import { z } from 'zod';

export const LinkedInCredentials = z.object({
  network: z.literal('linkedin'),
  apiBase: z.string().url(),
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable().default(null),
  expiresAt: z.number().nullable().default(null),
  refreshExpiresAt: z.number().nullable().default(null),
  /** The organisation page posted as (urn:li:organization:ID). */
  organizationId: z.string().regex(/^\d+$/),
});
export type LinkedInCredentials = z.infer<typeof LinkedInCredentials>;

const MediaRef = z.object({ id: z.string(), altText: z.string().optional() });

/** A post of the Posts API (/rest/posts). */
export const Post = z.object({
  id: z.string(),
  author: z.string(),
  commentary: z.string().default(''),
  createdAt: z.number().optional(),
  publishedAt: z.number().optional(),
  lifecycleState: z.string().optional(),
  content: z.object({
    media: MediaRef.optional(),
    multiImage: z.object({ images: z.array(MediaRef) }).optional(),
  }).partial().optional(),
});
export type Post = z.infer<typeof Post>;

export const Paging = z.object({ start: z.number().optional(), count: z.number().optional(), total: z.number().optional() }).partial();
export const PostList = z.object({ elements: z.array(Post), paging: Paging.optional() });

export const Comment = z.object({
  id: z.string().optional(),
  commentUrn: z.string().optional(),
  $URN: z.string().optional(),
  actor: z.string(),
  object: z.string().optional(),
  parentComment: z.string().optional(),
  message: z.object({ text: z.string() }),
  created: z.object({ time: z.number() }),
});
export const CommentList = z.object({ elements: z.array(Comment), paging: Paging.optional() });

export const ShareStatistics = z.object({
  elements: z.array(z.object({
    share: z.string().optional(),
    ugcPost: z.string().optional(),
    totalShareStatistics: z.object({
      likeCount: z.number().default(0),
      commentCount: z.number().default(0),
      shareCount: z.number().default(0),
      impressionCount: z.number().nullable().optional(),
    }),
  })),
});

export const Organization = z.object({ id: z.number(), localizedName: z.string(), vanityName: z.string().optional() });
export const OrganizationList = z.object({ elements: z.array(Organization) });
export const NetworkSize = z.object({ firstDegreeSize: z.number() });

export const InitializeUpload = z.object({ value: z.object({ uploadUrl: z.string().url(), image: z.string() }) });
export const Image = z.object({ id: z.string(), status: z.string() });

export const OrganizationAcls = z.object({
  elements: z.array(z.object({ organization: z.string(), role: z.string(), state: z.string() })),
});

export const TokenAnswer = z.object({
  access_token: z.string(),
  expires_in: z.number(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().optional(),
  scope: z.string().optional(),
});
