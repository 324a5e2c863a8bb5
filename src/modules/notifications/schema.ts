import { z } from '@hono/zod-openapi';
import { NOTIFICATION_KIND_NAMES, type NotificationKind } from './kinds.js';

const Kind = z.enum(NOTIFICATION_KIND_NAMES as [NotificationKind, ...NotificationKind[]]);

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'A kind from the registry, e.g. approval.requested; the app renders its text' }),
    workspaceId: z.string(),
    workspaceName: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    object: z.object({ type: z.string(), id: z.string() }),
    link: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export const NotificationPage = z
  .object({ items: z.array(NotificationSchema), nextCursor: z.string().nullable(), unread: z.number().int() })
  .openapi('NotificationPage');

export const ListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  unread: z.enum(['true', 'false']).optional(),
  workspaceId: z.string().min(1).max(64).optional(),
});

export const NotificationParamsSchema = z.object({ notificationId: z.string().min(1).max(64) });

export const ReadAll = z.strictObject({ workspaceId: z.string().min(1).max(64).optional() });

export const PreferencesSchema = z
  .object({
    locale: z.enum(['en', 'fr']).nullable(),
    emailAvailable: z.boolean(),
    kinds: z.array(z.object({ kind: z.string(), inApp: z.boolean(), email: z.boolean() })),
  })
  .openapi('NotificationPreferences');

export const PreferencesUpdate = z.strictObject({
  locale: z.enum(['en', 'fr']).nullable().optional(),
  kinds: z.array(z.strictObject({ kind: Kind, inApp: z.boolean().optional(), email: z.boolean().optional() })).max(50).optional(),
});
