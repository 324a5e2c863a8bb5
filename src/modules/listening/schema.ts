import { z } from '@hono/zod-openapi';
import { WorkspaceParams } from '../../http/route.js';

export const TOPIC_KINDS = ['brand', 'product', 'person', 'competitor', 'campaign', 'other'] as const;
export const SENSITIVITIES = ['low', 'medium', 'high'] as const;
export const SOURCE_KINDS = ['feed', 'bluesky_jetstream', 'bluesky_relay', 'mastodon_tag', 'mastodon_public'] as const;

export const TopicParams = WorkspaceParams.extend({ topicId: z.string().min(1).max(64) });
export const SourceParams = WorkspaceParams.extend({ sourceId: z.string().min(1).max(64) });
export const MentionParams = WorkspaceParams.extend({ mentionId: z.string().min(1).max(64) });
export const AlertParams = WorkspaceParams.extend({ alertId: z.string().min(1).max(64) });
export const CrisisParams = WorkspaceParams.extend({ crisisId: z.string().min(1).max(64) });

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const TopicBody = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(TOPIC_KINDS).default('brand'),
  query: z.string().min(1).max(2000),
  color: Color.optional(),
  sensitivity: z.enum(SENSITIVITIES).default('medium'),
  cooldownMinutes: z.number().int().min(15).max(10_080).default(360),
  minMentions: z.number().int().min(1).max(10_000).default(10),
  alertsEnabled: z.boolean().default(true),
}).openapi('ListeningTopicBody');

export const TopicPatch = TopicBody.partial().openapi('ListeningTopicPatch');

export const TopicView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TOPIC_KINDS),
  query: z.string(),
  color: z.string(),
  sensitivity: z.enum(SENSITIVITIES),
  cooldownMinutes: z.number(),
  minMentions: z.number(),
  alertsEnabled: z.boolean(),
  /** Words, phrases, hashtags and mentions the query looks for: the UI highlights them in mentions. */
  terms: z.array(z.string()),
  mentions24h: z.number(),
  radar: z.object({ status: z.string(), historyDays: z.number(), neededDays: z.number() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('ListeningTopic');

export const QueryCheckBody = z.object({ query: z.string().max(5000) });
export const QueryCheckView = z.object({
  ok: z.boolean(),
  terms: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string(), column: z.number(), length: z.number(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
}).openapi('ListeningQueryCheck');

export const SourceBody = z.object({
  kind: z.enum(SOURCE_KINDS),
  url: z.string().trim().min(1).max(2048),
  tag: z.string().trim().max(100).optional(),
  title: z.string().trim().max(200).optional(),
}).openapi('ListeningSourceBody');

export const SourcePatch = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['active', 'paused']).optional(),
}).openapi('ListeningSourcePatch');

export const SourceView = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  url: z.string(),
  tag: z.string(),
  title: z.string(),
  status: z.string(),
  health: z.string(),
  lastError: z.string().nullable(),
  failures: z.number(),
  mentionCount: z.number(),
  lastPolledAt: z.string().nullable(),
  lastOkAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
}).openapi('ListeningSource');

export const OpmlBody = z.object({ opml: z.string().min(1).max(2 * 1024 * 1024) }).openapi('ListeningOpmlImport');
export const OpmlResult = z.object({
  added: z.number(),
  existing: z.number(),
  skipped: z.array(z.object({ reason: z.string(), xmlUrl: z.string().optional() })),
}).openapi('ListeningOpmlResult');

export const MentionQuery = z.object({
  topicId: z.string().max(64).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  network: z.enum(['bluesky', 'mastodon', 'feed']).optional(),
  language: z.string().max(10).optional(),
  sourceId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  sort: z.enum(['newest', 'reach']).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const MentionView = z.object({
  id: z.string(),
  network: z.string(),
  uri: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  language: z.string(),
  sentiment: z.string(),
  sentimentScore: z.number(),
  toxicity: z.number(),
  complaint: z.boolean(),
  reach: z.number(),
  engagement: z.number(),
  copies: z.number(),
  clusterId: z.string().nullable(),
  topicIds: z.array(z.string()),
  author: z.object({ id: z.string(), handle: z.string(), displayName: z.string().nullable(), avatarUrl: z.string().nullable(), followers: z.number().nullable() }),
  sourceId: z.string().nullable(),
  inboxItemId: z.string().nullable(),
  createdAt: z.string(),
}).openapi('ListeningMention');

export const MentionPage = z.object({ items: z.array(MentionView), nextCursor: z.string().nullable() }).openapi('ListeningMentionPage');

export const StatsQuery = z.object({
  topicIds: z.string().max(2000).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  bucket: z.enum(['hour', 'day']).optional(),
});
