import type { NotificationView } from '../../shared/notifications.js';
import type { NotificationParams } from './notify.js';
import { linkFor } from './kinds.js';

export interface NotificationRow {
  id: string;
  kind: string;
  workspace_id: string;
  workspace_name: string;
  params: string;
  object_type: string;
  object_id: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: number;
  read_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function presentNotification(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    workspaceId: r.workspace_id,
    workspaceName: r.workspace_name,
    params: parseParams(r.params),
    object: { type: r.object_type, id: r.object_id },
    link: linkFor({ type: r.object_type, id: r.object_id }, r.workspace_id),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    createdAt: iso(r.created_at)!,
    readAt: iso(r.read_at),
  };
}

/** Stored params, kept to flat strings and numbers whatever the row holds. */
export function parseParams(text: string): NotificationParams {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: NotificationParams = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number' || v === null) out[k] = v;
  }
  return out;
}
