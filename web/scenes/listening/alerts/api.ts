/**
 * The crisis radar's alerts and crisis rooms, as the listening API serves them. Network text inside (mentions,
 * authors, words) is hostile: the pages show it as React text only.
 */
import { request } from '../../../api/client.js';
import type { Mention } from '../api.js';

export type AlertKind = 'volume_spike' | 'sentiment_drop' | 'positive_surge';
export type AlertStatus = 'open' | 'acknowledged' | 'crisis';

export interface AlertView {
  id: string;
  topicId: string;
  topicName: string;
  topicColor: string;
  kind: AlertKind;
  status: AlertStatus;
  score: number;
  /** Mentions in the window, or for a sentiment drop the share (0..1) of negative ones. */
  observed: number;
  expected: number;
  windowStart: string;
  windowEnd: string;
  createdAt: string;
  acknowledgedAt: string | null;
  crisisId: string | null;
}

export interface CurvePoint {
  at: string;
  count: number;
  negative: number;
  positive: number;
}

export interface RisingTerm {
  term: string;
  recent: number;
  baseline: number;
  score: number;
}

export interface AlertAuthor {
  id: string;
  handle: string;
  displayName: string | null;
  network: string;
  followers: number | null;
  mentions: number;
}

export interface AlertDetail extends AlertView {
  curve: CurvePoint[];
  rising: RisingTerm[];
  mentions: Mention[];
  authors: AlertAuthor[];
}

export interface CrisisView {
  id: string;
  title: string;
  status: 'open' | 'closed';
  alertId: string | null;
  pausedPublishing: boolean;
  holdingStatement: string;
  openedBy: { id: string; name: string };
  openedAt: string;
  closedAt: string | null;
}

export type LogKind = 'opened' | 'paused' | 'resumed' | 'note' | 'statement' | 'alert' | 'closed';

export interface LogEntry {
  id: string;
  kind: LogKind;
  body: string;
  at: string;
  user: { id: string; name: string } | null;
}

export interface CrisisDetail extends CrisisView {
  log: LogEntry[];
  alert: AlertDetail | null;
  publishingPaused: boolean;
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  language: string;
}

const enc = encodeURIComponent;
const base = (wid: string) => `/workspaces/${enc(wid)}/listening`;

export const crisisApi = {
  alerts: (wid: string, status?: AlertStatus) =>
    request<{ items: AlertView[] }>('GET', `${base(wid)}/alerts${status ? `?status=${enc(status)}` : ''}`),
  alert: (wid: string, alertId: string) => request<AlertDetail>('GET', `${base(wid)}/alerts/${enc(alertId)}`),
  acknowledge: (wid: string, alertId: string) => request<AlertView>('POST', `${base(wid)}/alerts/${enc(alertId)}/acknowledge`),
  crises: (wid: string) => request<{ items: CrisisView[] }>('GET', `${base(wid)}/crises`),
  crisis: (wid: string, crisisId: string) => request<CrisisDetail>('GET', `${base(wid)}/crises/${enc(crisisId)}`),
  open: (wid: string, input: { alertId?: string; title: string; pausePublishing: boolean; savedReplyId?: string }) =>
    request<CrisisView>('POST', `${base(wid)}/crises`, input),
  update: (wid: string, crisisId: string, change: { title?: string; holdingStatement?: string }) =>
    request<CrisisView>('PATCH', `${base(wid)}/crises/${enc(crisisId)}`, change),
  note: (wid: string, crisisId: string, body: string) => request<LogEntry>('POST', `${base(wid)}/crises/${enc(crisisId)}/log`, { body }),
  close: (wid: string, crisisId: string, input: { resumePublishing: boolean; summary?: string }) =>
    request<CrisisView>('POST', `${base(wid)}/crises/${enc(crisisId)}/close`, input),
  savedReplies: (wid: string) => request<{ items: SavedReply[] }>('GET', `/workspaces/${enc(wid)}/inbox/saved-replies`),
};
