import { z } from '@hono/zod-openapi';

// Intl knows every IANA zone and its aliases (America/Montreal as well as America/Toronto). It also takes
// any spelling ("europe/paris"); only the real one is stored, so that every screen shows the same name.
const ZONE_SPELLING = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;
function isTimeZone(tz: string): boolean {
  if (!ZONE_SPELLING.test(tz)) return false;
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
export const WeekStart = z.enum(['monday', 'sunday']);
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
  weekStart: WeekStart.optional(),
  /** Clients see drafts in progress too (else only posts sent for approval and after). */
  clientsSeeDrafts: z.boolean().optional(),
  /** Clients read the team's internal comments on posts too. */
  clientsSeeInternalComments: z.boolean().optional(),
  /** Clients read the inbox (its items, never acting on them). */
  clientsSeeInbox: z.boolean().optional(),
});
export type WorkspaceUpdate = z.infer<typeof WorkspaceUpdate>;

export const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    locale: Locale,
    weekStart: WeekStart,
    logoUrl: z.string().nullable(),
    clientsSeeDrafts: z.boolean(),
    clientsSeeInternalComments: z.boolean(),
    clientsSeeInbox: z.boolean(),
    createdAt: z.string(),
    role: z.string(),
    permissions: z.array(z.string()),
    readsInbox: z.boolean(),
  })
  .openapi('Workspace');
