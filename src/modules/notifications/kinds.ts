/**
 * Every kind of notification, in one place. A module that tells people about something adds its kind here
 * (and its texts: web/i18n `notifications.kinds.<kind>`, and mail-text.ts); the preferences page, the
 * centre and the e-mails read this table. Names are stable: they are stored in rows and preferences.
 */
export const NotificationKind = {
  approvalRequested: 'approval.requested',
  postApproved: 'post.approved',
  postChangesRequested: 'post.changes_requested',
  postFailed: 'post.failed',
  postWaiting: 'post.waiting_approval',
  accountReconnect: 'account.reconnect',
  accountExpiring: 'account.expiring',
  commentMention: 'comment.mention',
  moderationEscalated: 'moderation.escalated',
  moderationHighlight: 'moderation.highlight',
  ticketAssigned: 'ticket.assigned',
  ticketAnswered: 'ticket.answered',
  ticketOverdue: 'ticket.overdue',
  listeningAlert: 'listening.alert',
  objectiveBehind: 'analytics.objective_behind',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** What a notification points at; the link is built from it, so it always leads into the right workspace. */
export type NotificationObject = 'post' | 'account' | 'ticket' | 'inbox_item' | 'moderation_highlights' | 'listening_alert' | 'objective';

export interface KindSpec {
  object: NotificationObject;
  /** Used until the person chooses otherwise. */
  defaults: { inApp: boolean; email: boolean };
}

export const NOTIFICATION_KINDS: Record<NotificationKind, KindSpec> = {
  'approval.requested': { object: 'post', defaults: { inApp: true, email: true } },
  'post.approved': { object: 'post', defaults: { inApp: true, email: false } },
  'post.changes_requested': { object: 'post', defaults: { inApp: true, email: true } },
  'post.failed': { object: 'post', defaults: { inApp: true, email: true } },
  'post.waiting_approval': { object: 'post', defaults: { inApp: true, email: true } },
  'account.reconnect': { object: 'account', defaults: { inApp: true, email: true } },
  'account.expiring': { object: 'account', defaults: { inApp: true, email: true } },
  'comment.mention': { object: 'post', defaults: { inApp: true, email: true } },
  'moderation.escalated': { object: 'inbox_item', defaults: { inApp: true, email: true } },
  'moderation.highlight': { object: 'moderation_highlights', defaults: { inApp: true, email: false } },
  'ticket.assigned': { object: 'ticket', defaults: { inApp: true, email: true } },
  'ticket.answered': { object: 'ticket', defaults: { inApp: true, email: false } },
  'ticket.overdue': { object: 'ticket', defaults: { inApp: true, email: true } },
  'listening.alert': { object: 'listening_alert', defaults: { inApp: true, email: true } },
  'analytics.objective_behind': { object: 'objective', defaults: { inApp: true, email: true } },
};

export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}

/** The page of the app a notification leads to, relative to the app's root. */
export function linkFor(object: { type: string; id: string }, workspaceId: string): string {
  const ws = `/w/${encodeURIComponent(workspaceId)}`;
  if (object.type === 'post') return `${ws}/calendar/posts/${encodeURIComponent(object.id)}`;
  if (object.type === 'account') return `${ws}/settings/accounts`;
  if (object.type === 'inbox_item') return `${ws}/inbox?item=${encodeURIComponent(object.id)}`;
  if (object.type === 'moderation_highlights') return `${ws}/moderation/highlights?week=${encodeURIComponent(object.id)}`;
  if (object.type === 'ticket') return `${ws}/tickets/${encodeURIComponent(object.id)}`;
  if (object.type === 'listening_alert') return `${ws}/listening/alerts/${encodeURIComponent(object.id)}`;
  if (object.type === 'objective') return `${ws}/analytics/objectives?objective=${encodeURIComponent(object.id)}`;
  return ws;
}
