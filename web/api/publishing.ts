/**
 * Typed calls for publishing: posts, campaigns, media, social accounts and the workspace's publishing
 * settings. Same conventions as client.ts: shared view types in, ApiError out.
 */
import type {
  BulkItemResult,
  CampaignView,
  MediaView,
  PostEventView,
  PostView,
  PostOptionsView,
  PublishingSettingsView,
  SocialAccountView,
} from '../../src/shared/api.js';
import type { RoleName } from '../../src/shared/permissions.js';
import type { UtmSettings } from '../../src/shared/utm.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const ws = (wid: string) => `/workspaces/${enc(wid)}`;
const post = (wid: string, id: string) => `${ws(wid)}/posts/${enc(id)}`;

export interface PostInput {
  body: string;
  thread?: string[];
  labels?: string[];
  language?: 'fr' | 'en' | null;
  campaignId?: string | null;
  accountIds: string[];
  variants?: Record<string, string>;
  mediaIds?: string[];
  /** Per-network settings, by network. */
  options?: Record<string, PostOptionsView>;
  scheduledAt?: string | null;
}

export interface PostFilter {
  from?: string;
  to?: string;
  status?: string[];
  accountId?: string[];
  network?: string[];
  campaignId?: string[];
  authorId?: string[];
  label?: string;
  unscheduled?: boolean;
  /** At most this many, earliest first. */
  limit?: number;
}

export interface CampaignInput {
  name: string;
  color: string;
  goal: string;
  hashtags: string[];
  startsAt?: string | null;
  endsAt?: string | null;
  utm?: UtmSettings;
}

export interface DetectedLanguage {
  code: string;
  /** `fallback`: too short or unclear, so the workspace's language. */
  source: 'text' | 'fallback';
}

export type OverdueAction = 'publish_now' | 'reschedule' | 'unschedule';
export interface ApprovalStep {
  roles: RoleName[];
  count: number;
}

function query(filter: PostFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const publishing = {
  posts: {
    list: (wid: string, filter: PostFilter) => request<{ items: PostView[] }>('GET', `${ws(wid)}/posts${query(filter)}`),
    get: (wid: string, id: string) => request<PostView>('GET', post(wid, id)),
    create: (wid: string, input: PostInput) => request<PostView>('POST', `${ws(wid)}/posts`, input),
    update: (wid: string, id: string, input: Partial<PostInput> & { expectedVersion?: number }) =>
      request<PostView>('PATCH', post(wid, id), input),
    remove: (wid: string, id: string) => request<void>('DELETE', post(wid, id)),
    submit: (wid: string, id: string) => request<PostView>('POST', `${post(wid, id)}/submit`),
    decide: (wid: string, id: string, decision: 'approved' | 'changes_requested', comment: string) =>
      request<PostView>('POST', `${post(wid, id)}/decision`, { decision, comment }),
    decideMany: (wid: string, ids: string[], decision: 'approved' | 'changes_requested', comment: string) =>
      request<{ items: BulkItemResult[] }>('POST', `${ws(wid)}/posts/approvals`, { ids, decision, comment }),
    schedule: (wid: string, id: string, at: string) => request<PostView>('POST', `${post(wid, id)}/schedule`, { at }),
    unschedule: (wid: string, id: string) => request<PostView>('POST', `${post(wid, id)}/unschedule`),
    reschedule: (wid: string, id: string, at: string) => request<PostView>('POST', `${post(wid, id)}/reschedule`, { at }),
    retry: (wid: string, id: string) => request<PostView>('POST', `${post(wid, id)}/retry`),
    queue: (wid: string, id: string) => request<PostView>('POST', `${post(wid, id)}/queue`),
    // A question, not a write: nothing to replay, so no idempotency key is kept for it.
    language: (wid: string, text: string) => request<DetectedLanguage>('POST', `${ws(wid)}/posts/language`, { text }, { idempotent: false }),
    comment: (wid: string, id: string, body: string, audience: { visibleToClient?: boolean } = {}) =>
      request<void>('POST', `${post(wid, id)}/comments`, { body, ...audience }),
    history: (wid: string, id: string) => request<{ items: PostEventView[] }>('GET', `${post(wid, id)}/history`),
  },
  campaigns: {
    list: (wid: string) => request<{ items: CampaignView[] }>('GET', `${ws(wid)}/campaigns`),
    create: (wid: string, input: CampaignInput) => request<CampaignView>('POST', `${ws(wid)}/campaigns`, input),
    update: (wid: string, id: string, input: Partial<Omit<CampaignInput, 'utm'>> & { utm?: Partial<UtmSettings> }) =>
      request<CampaignView>('PATCH', `${ws(wid)}/campaigns/${enc(id)}`, input),
    remove: (wid: string, id: string) => request<void>('DELETE', `${ws(wid)}/campaigns/${enc(id)}`),
  },
  media: {
    upload: (wid: string, file: File, alt: string) =>
      request<MediaView>('POST', `${ws(wid)}/media?fileName=${enc(file.name)}&alt=${enc(alt)}`, { raw: file, type: file.type || 'application/octet-stream' }),
    list: (wid: string, q = '') => request<{ items: MediaView[] }>('GET', `${ws(wid)}/media${q.trim() ? `?q=${enc(q.trim())}` : ''}`),
    describe: (wid: string, id: string, alt: string) => request<MediaView>('PATCH', `${ws(wid)}/media/${enc(id)}`, { alt }),
  },
  accounts: {
    list: (wid: string) => request<{ items: SocialAccountView[] }>('GET', `${ws(wid)}/accounts`),
    connectBluesky: (wid: string, input: { service?: string; identifier: string; appPassword: string }) =>
      request<{ id: string }>('POST', `${ws(wid)}/accounts/bluesky`, input),
    connectMastodon: (wid: string, instance: string) =>
      request<{ authorizeUrl: string }>('POST', `${ws(wid)}/accounts/mastodon`, { instance }),
    update: (wid: string, id: string, input: { timezone?: string; slots?: Array<{ weekday: number; minute: number }> }) =>
      request<SocialAccountView>('PATCH', `${ws(wid)}/accounts/${enc(id)}`, input),
    disconnect: (wid: string, id: string) => request<void>('DELETE', `${ws(wid)}/accounts/${enc(id)}`),
    retryConnectionWarning: (wid: string, id: string) =>
      request<{ warning: string | null }>('POST', `${ws(wid)}/accounts/${enc(id)}/connection-warning/retry`),
  },
  settings: {
    get: (wid: string) => request<PublishingSettingsView>('GET', `${ws(wid)}/publishing`),
    setApprovalSteps: (wid: string, approvalSteps: ApprovalStep[]) =>
      request<PublishingSettingsView>('PATCH', `${ws(wid)}/publishing`, { approvalSteps }),
    pause: (wid: string) => request<PublishingSettingsView>('POST', `${ws(wid)}/publishing/pause`),
    resume: (
      wid: string,
      input: { overdue: OverdueAction; rescheduleAt?: string; decisions?: Array<{ postId: string; action: OverdueAction; at?: string }> },
    ) => request<PublishingSettingsView>('POST', `${ws(wid)}/publishing/resume`, input),
  },
};
