import type { NotificationPageView, NotificationPreferencesView } from '../../src/shared/notifications.js';
import { request } from './client.js';

const enc = encodeURIComponent;

export const notificationsApi = {
  page: (opts: { cursor?: string | null; limit?: number; unread?: boolean } = {}) => {
    const q = new URLSearchParams();
    if (opts.cursor) q.set('cursor', opts.cursor);
    if (opts.limit) q.set('limit', String(opts.limit));
    if (opts.unread) q.set('unread', 'true');
    const s = q.toString();
    return request<NotificationPageView>('GET', `/notifications${s ? `?${s}` : ''}`);
  },
  unreadCount: () => request<{ unread: number }>('GET', '/notifications/unread-count'),
  markRead: (id: string) => request<void>('POST', `/notifications/${enc(id)}/read`),
  markAllRead: () => request<{ updated: number }>('POST', '/notifications/read-all', {}),
  preferences: () => request<NotificationPreferencesView>('GET', '/notifications/preferences'),
  savePreferences: (change: {
    locale?: 'en' | 'fr' | null;
    kinds?: Array<{ kind: string; inApp?: boolean; email?: boolean }>;
  }) => request<NotificationPreferencesView>('PATCH', '/notifications/preferences', change),
  /** The address of the live stream of the unread count (server-sent events). */
  streamUrl: '/api/v1/notifications/stream',
};
