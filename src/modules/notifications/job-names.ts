/** Job types of the notifications module. Payloads are versioned; a new shape gets a new version. */
export const NOTIFICATION_EMAIL = 'notification.email';

export interface NotificationEmailPayloadV1 {
  notificationId: string;
}

export const NOTIFICATIONS_PURGE = 'notifications.purge';
