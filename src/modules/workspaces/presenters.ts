import type { Selectable } from 'kysely';
import type { WeekStart, WorkspaceView } from '../../shared/api.js';
import { MATRIX, can, type RoleName } from '../../shared/permissions.js';
import type { WorkspaceTable } from '../../store/schema.js';

export type Workspace = Selectable<WorkspaceTable>;

/** The logo's address; its version in the query makes browsers fetch a new logo at once. */
export function logoUrl(w: Pick<Workspace, 'id' | 'logo_key' | 'logo_updated_at'>): string | null {
  if (!w.logo_key) return null;
  return `/api/v1/workspaces/${encodeURIComponent(w.id)}/logo?v=${Number(w.logo_updated_at ?? 0)}`;
}

export const weekStartOf = (w: Pick<Workspace, 'week_start'>): WeekStart => (w.week_start === 'sunday' ? 'sunday' : 'monday');

/**
 * Whether the member reads the inbox: roles holding `inbox.read`, and clients when the workspace lets them
 * (the same rule as the inbox's read routes, src/modules/inbox/access.ts). Reading only: acting needs `inbox.reply`.
 */
export function readsInbox(w: Pick<Workspace, 'clients_see_inbox'>, role: RoleName): boolean {
  return can(role, 'inbox.read') || (role === 'client' && Number(w.clients_see_inbox) === 1);
}

export function presentWorkspace(w: Workspace, role: RoleName): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    timezone: w.timezone,
    locale: w.locale === 'fr' ? 'fr' : 'en',
    weekStart: weekStartOf(w),
    logoUrl: logoUrl(w),
    clientsSeeDrafts: Number(w.clients_see_drafts) === 1,
    clientsSeeInternalComments: Number(w.clients_see_internal_comments) === 1,
    clientsSeeInbox: Number(w.clients_see_inbox) === 1,
    createdAt: new Date(Number(w.created_at)).toISOString(),
    role,
    permissions: [...MATRIX[role]],
    readsInbox: readsInbox(w, role),
  };
}
