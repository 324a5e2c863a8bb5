import type { WorkspaceView } from '../../shared/api.js';
import { MATRIX, type RoleName } from '../../shared/permissions.js';
import type { WorkspaceTable } from '../../store/schema.js';

export function presentWorkspace(w: WorkspaceTable, role: RoleName): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    timezone: w.timezone,
    locale: w.locale === 'fr' ? 'fr' : 'en',
    createdAt: new Date(w.created_at).toISOString(),
    role,
    permissions: [...MATRIX[role]],
  };
}
