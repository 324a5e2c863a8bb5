import { z } from '@hono/zod-openapi';

export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const Password = z.string().min(10, 'at least 10 characters').max(256);
export const PersonName = z.string().trim().min(1).max(80);

export const SignIn = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
export const PasswordChange = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: Password });

export const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    memberships: z.array(
      z.object({ workspaceId: z.string(), workspaceName: z.string(), workspaceLogoUrl: z.string().nullable(), timezone: z.string(), role: z.string(), permissions: z.array(z.string()), readsInbox: z.boolean() }),
    ),
    canCreateWorkspace: z.boolean(),
    /** Whether the user administers the instance: Settings > Networks (the developer apps). */
    instanceAdmin: z.boolean(),
    expiresAt: z.string(),
  })
  .openapi('Session');

const ResetToken = z.string().min(1).max(200);
export const ResetRequest = z.strictObject({
  email: Email,
  /** The language of the page asking: the e-mail is written in it. */
  locale: z.enum(['en', 'fr']).optional(),
});
export const ResetCheck = z.strictObject({ token: ResetToken });
export const ResetConfirm = z.strictObject({ token: ResetToken, newPassword: Password });
