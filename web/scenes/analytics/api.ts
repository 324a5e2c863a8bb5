/**
 * The analytics API's typed client, as src/modules/analytics/types.ts describes its shapes. Post texts and handles
 * come from the networks and are hostile: show them as React text through UserText, never as HTML.
 */
import { request } from '../../api/client.js';
import type {
  AgencyRow,
  Comparison,
  Dashboard,
  ObjectiveMetric,
  ObjectiveProgress,
  PostPerformance,
  AccountWatchFigures,
} from '../../../src/modules/analytics/types.js';

export type {
  AgencyRow,
  Comparison,
  Dashboard,
  Figure,
  HeatCell,
  Breakdown,
  ObjectiveMetric,
  PostPerformance,
  DaySeriesPoint,
  WatchFigures,
  AccountWatchFigures,
} from '../../../src/modules/analytics/types.js';
export { OBJECTIVE_METRICS } from '../../../src/modules/analytics/types.js';

/** What a dashboard is narrowed to; `from` and `to` are ISO instants, `to` excluded. */
export interface DashboardQuery {
  from: string;
  to: string;
  compare?: Comparison;
  accountId?: string;
  network?: string;
  campaignId?: string;
  label?: string;
}

/** The posts behind a figure: the dashboard's scope plus the slice a chart or a breakdown pointed at. */
export interface PostQuery extends DashboardQuery {
  /** YYYY-MM-DD in the workspace's time zone. */
  day?: string;
  /** 0 = Monday, in the workspace's time zone. */
  weekday?: number;
  hour?: number;
  sort?: 'engagement' | 'published_at' | 'engagement_rate';
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export interface Snapshot {
  takenAt: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
  views: number | null;
}

export type ObjectiveComparison = 'at_least' | 'at_most';

export interface ObjectiveInput {
  name: string;
  metric: ObjectiveMetric;
  network: string | null;
  accountId: string | null;
  topicId: string | null;
  comparison: ObjectiveComparison;
  target: number;
  relative: boolean;
  periodStart: string;
  periodEnd: string;
}

export interface Objective extends ObjectiveInput {
  id: string;
  progress: ObjectiveProgress;
  createdAt: string;
}

const enc = encodeURIComponent;
const base = (wid: string) => `/workspaces/${enc(wid)}/analytics`;

export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const analyticsApi = {
  dashboard: (wid: string, query: DashboardQuery) =>
    request<Dashboard>('GET', `${base(wid)}/dashboard${queryString(query)}`),
  posts: (wid: string, query: PostQuery) =>
    request<{ items: PostPerformance[]; nextCursor: string | null }>('GET', `${base(wid)}/posts${queryString(query)}`),
  watchFigures: (wid: string, query: { accountId?: string; network?: string }) =>
    request<{ items: AccountWatchFigures[] }>('GET', `${base(wid)}/watch-figures${queryString(query)}`),
  snapshots: (wid: string, postId: string) =>
    request<{ post: PostPerformance; items: Snapshot[] }>('GET', `${base(wid)}/posts/${enc(postId)}/snapshots`),
  objectives: {
    list: (wid: string) => request<{ items: Objective[] }>('GET', `${base(wid)}/objectives`),
    create: (wid: string, input: ObjectiveInput) => request<Objective>('POST', `${base(wid)}/objectives`, input),
    update: (wid: string, id: string, input: Partial<ObjectiveInput>) =>
      request<Objective>('PATCH', `${base(wid)}/objectives/${enc(id)}`, input),
    remove: (wid: string, id: string) => request<void>('DELETE', `${base(wid)}/objectives/${enc(id)}`),
  },
  agency: (query: { from: string; to: string; compare?: Comparison }) =>
    request<{ items: AgencyRow[] }>('GET', `/analytics/agency${queryString(query)}`),
};
