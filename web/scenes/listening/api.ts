/**
 * The listening API's typed client, as src/modules/listening/schema.ts describes it. Network content (texts,
 * handles, names, titles, links) is hostile: show it as React text through UserText, never as HTML.
 */
import { request } from '../../api/client.js';

export const TOPIC_KINDS = ['brand', 'product', 'person', 'competitor', 'campaign', 'other'] as const;
export const SENSITIVITIES = ['low', 'medium', 'high'] as const;
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const NETWORKS = ['bluesky', 'mastodon', 'feed'] as const;

export type TopicKind = (typeof TOPIC_KINDS)[number];
export type Sensitivity = (typeof SENSITIVITIES)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type ListeningNetwork = (typeof NETWORKS)[number];
export type SourceKind = 'feed' | 'bluesky_jetstream' | 'bluesky_relay' | 'mastodon_tag' | 'mastodon_public';

export interface RadarState {
  status: string;
  historyDays: number;
  neededDays: number;
}

export interface Topic {
  id: string;
  name: string;
  kind: TopicKind;
  query: string;
  color: string;
  sensitivity: Sensitivity;
  cooldownMinutes: number;
  minMentions: number;
  alertsEnabled: boolean;
  /** What the query looks for, as written: the mention cards highlight them. */
  terms: string[];
  mentions24h: number;
  radar: RadarState | null;
  createdAt: string;
  updatedAt: string;
}

export interface TopicInput {
  name: string;
  kind: TopicKind;
  query: string;
  color?: string;
  sensitivity?: Sensitivity;
  cooldownMinutes?: number;
  minMentions?: number;
  alertsEnabled?: boolean;
}

export interface QueryError {
  code: string;
  message: string;
  /** 1-based, in UTF-16 units. */
  column: number;
  length: number;
  params: Record<string, string | number>;
}

export interface QueryCheck {
  ok: boolean;
  terms: string[];
  error: QueryError | null;
}

export interface Source {
  id: string;
  kind: SourceKind;
  url: string;
  tag: string;
  title: string;
  status: string;
  health: string;
  lastError: string | null;
  failures: number;
  mentionCount: number;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  nextPollAt: string | null;
}

export interface OpmlResult {
  added: number;
  existing: number;
  skipped: { reason: string; xmlUrl?: string; line?: number }[];
}

export interface MentionAuthor {
  id: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  followers: number | null;
}

export interface Mention {
  id: string;
  network: string;
  uri: string;
  url: string | null;
  title: string | null;
  text: string;
  language: string;
  sentiment: string;
  sentimentScore: number;
  toxicity: number;
  complaint: boolean;
  reach: number;
  engagement: number;
  copies: number;
  clusterId: string | null;
  topicIds: string[];
  author: MentionAuthor;
  sourceId: string | null;
  inboxItemId: string | null;
  createdAt: string;
}

export interface MentionQuery {
  topicId?: string;
  sentiment?: Sentiment;
  network?: ListeningNetwork;
  language?: string;
  q?: string;
  sort?: 'newest' | 'reach';
  cursor?: string | null;
  limit?: number;
}

export interface RisingTerm {
  term: string;
  recent: number;
  baseline: number;
  score: number;
}

export interface TopAuthor {
  id: string;
  network: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  followers: number | null;
  mentions: number;
  engagement: number;
  negative: number;
  positive: number;
  relevance: number;
}

export interface Stats {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
  volume: {
    buckets: string[];
    series: { topicId: string; name: string; color: string; kind: string; total: number[]; negative: number[]; positive: number[] }[];
  };
  shareOfVoice: { topicId: string; name: string; color: string; kind: string; mentions: number; negative: number; positive: number; share: number }[];
  rising: { hashtags: RisingTerm[]; links: RisingTerm[]; keywords: RisingTerm[] };
  authors: TopAuthor[];
  sources: { network: string; sourceId: string | null; title: string | null; mentions: number }[];
}

export interface StatsQuery {
  topicIds: string[];
  from: string;
  to: string;
  bucket: 'hour' | 'day';
}

export interface AlertSettings {
  webhookUrl: string | null;
  hasSecret: boolean;
  emailAlerts: boolean;
}

const enc = encodeURIComponent;
const base = (wid: string) => `/workspaces/${enc(wid)}/listening`;

function query(params: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') p.set(key, String(value));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const listeningApi = {
  topics: (wid: string) => request<{ items: Topic[] }>('GET', `${base(wid)}/topics`),
  createTopic: (wid: string, input: TopicInput) => request<Topic>('POST', `${base(wid)}/topics`, input),
  updateTopic: (wid: string, id: string, change: Partial<TopicInput>) => request<Topic>('PATCH', `${base(wid)}/topics/${enc(id)}`, change),
  deleteTopic: (wid: string, id: string) => request<void>('DELETE', `${base(wid)}/topics/${enc(id)}`),
  checkQuery: (wid: string, q: string) => request<QueryCheck>('POST', `${base(wid)}/query-check`, { query: q }),

  sources: (wid: string) => request<{ items: Source[] }>('GET', `${base(wid)}/sources`),
  addSource: (wid: string, input: { kind: SourceKind; url: string; tag?: string; title?: string }) => request<Source>('POST', `${base(wid)}/sources`, input),
  updateSource: (wid: string, id: string, change: { title?: string; status?: 'active' | 'paused' }) =>
    request<Source>('PATCH', `${base(wid)}/sources/${enc(id)}`, change),
  deleteSource: (wid: string, id: string) => request<void>('DELETE', `${base(wid)}/sources/${enc(id)}`),
  importOpml: (wid: string, opml: string) => request<OpmlResult>('POST', `${base(wid)}/sources/opml`, { opml }),
  pollSource: (wid: string, id: string) => request<{ jobId: string }>('POST', `${base(wid)}/sources/${enc(id)}/poll`),

  mentions: (wid: string, q: MentionQuery) =>
    request<{ items: Mention[]; nextCursor: string | null }>('GET', `${base(wid)}/mentions${query({ ...q })}`),
  toInbox: (wid: string, id: string) => request<{ inboxItemId: string }>('POST', `${base(wid)}/mentions/${enc(id)}/to-inbox`),
  toTicket: (wid: string, id: string, departmentId: string) =>
    request<{ ticketId: string; inboxItemId: string }>('POST', `${base(wid)}/mentions/${enc(id)}/to-ticket`, { departmentId }),
  streamUrl: (wid: string) => `/api/v1${base(wid)}/stream`,

  stats: (wid: string, q: StatsQuery) =>
    request<Stats>('GET', `${base(wid)}/stats${query({ topicIds: q.topicIds.join(','), from: q.from, to: q.to, bucket: q.bucket })}`),

  settings: (wid: string) => request<AlertSettings>('GET', `${base(wid)}/settings`),
  saveSettings: (wid: string, s: { webhookUrl: string | null; webhookSecret?: string | null; emailAlerts: boolean }) =>
    request<AlertSettings>('PUT', `${base(wid)}/settings`, s),
  testWebhook: (wid: string) => request<{ ok: boolean; status: number | null; error: string | null }>('POST', `${base(wid)}/settings/test-webhook`),
};
