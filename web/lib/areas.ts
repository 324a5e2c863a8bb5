/**
 * The registry of the app's areas: the sidebar, the routes and the "not yet available" pages all read it,
 * so adding an area is one line here and one scene.
 */
import type { Permission } from '../../src/shared/permissions.js';

export type AreaId =
  | 'members'
  | 'audit'
  | 'jobs'
  | 'calendar'
  | 'inbox'
  | 'moderation'
  | 'tickets'
  | 'listening'
  | 'analytics'
  | 'reports'
  | 'charter'
  | 'settings';

export interface Area {
  id: AreaId;
  /** Path segment under /w/:workspaceId/. */
  path: string;
  /** Permission needed to see the area; none means every member. */
  permission?: Permission;
  /** Shown to every member who reads the inbox, clients included when the workspace lets them. */
  inboxReaders?: boolean;
  /** Areas still to come show an honest page saying what they will do. */
  available: boolean;
  group: 'work' | 'team';
  icon: string;
}

export const AREAS: readonly Area[] = [
  { id: 'calendar', path: 'calendar', permission: 'posts.read', available: true, group: 'work', icon: '▦' },
  { id: 'inbox', path: 'inbox', permission: 'inbox.read', inboxReaders: true, available: true, group: 'work', icon: '✉' },
  { id: 'moderation', path: 'moderation', permission: 'inbox.read', available: true, group: 'work', icon: '⚑' },
  { id: 'tickets', path: 'tickets', permission: 'inbox.read', available: true, group: 'work', icon: '✆' },
  { id: 'listening', path: 'listening', permission: 'listening.read', available: true, group: 'work', icon: '◎' },
  { id: 'analytics', path: 'analytics', permission: 'analytics.read', available: true, group: 'work', icon: '▤' },
  { id: 'reports', path: 'reports', permission: 'analytics.read', available: true, group: 'work', icon: '▧' },
  { id: 'members', path: 'members', permission: 'members.read', available: true, group: 'team', icon: '☺' },
  { id: 'audit', path: 'audit', permission: 'audit.read', available: true, group: 'team', icon: '☰' },
  { id: 'jobs', path: 'jobs', permission: 'jobs.read', available: true, group: 'team', icon: '⟳' },
  { id: 'charter', path: 'charter', permission: 'workspace.read', available: true, group: 'team', icon: '✎' },
  { id: 'settings', path: 'settings', permission: 'settings.read', available: true, group: 'team', icon: '⚙' },
];

export function visibleAreas(member: { permissions: readonly Permission[]; readsInbox?: boolean }): Area[] {
  return AREAS.filter((a) => !a.permission || member.permissions.includes(a.permission) || (a.inboxReaders === true && member.readsInbox === true));
}

export function workspacePath(workspaceId: string, area?: AreaId): string {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  if (!area) return base;
  const found = AREAS.find((a) => a.id === area);
  return `${base}/${found ? found.path : area}`;
}
