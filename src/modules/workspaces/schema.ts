import { z } from '@hono/zod-openapi';

// Intl knows every IANA zone and its aliases (America/Montreal as well as America/Toronto).
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const Timezone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'unknown IANA time zone (e.g. Europe/Paris)')
  .openapi({ example: 'Europe/Paris' });
export const Locale = z.enum(['fr', 'en']);
export const WorkspaceName = z.string().trim().min(1).max(80);

export const WorkspaceCreate = z.strictObject({
  name: WorkspaceName,
  timezone: Timezone.optional(),
  locale: Locale.optional(),
});

export const WorkspaceUpdate = z.strictObject({
  name: WorkspaceName.optional(),
  timezone: Timezone.optional(),
  locale: Locale.optional(),
});

export const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    locale: Locale,
    createdAt: z.string(),
    role: z.string(),
    permissions: z.array(z.string()),
  })
  .openapi('Workspace');
