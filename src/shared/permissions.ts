/**
 * The permission matrix: the one place that says which role may do what. Routes name a permission,
 * never a role; the web app reads the same table to hide what a member cannot do.
 */
export const ROLES = [
  'owner',
  'admin',
  'strategist',
  'content_creator',
  'community_manager',
  'analyst',
  'paid_media_manager',
  'client',
] as const;
export type RoleName = (typeof ROLES)[number];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.update',
  'settings.read',
  'members.read',
  'members.invite',
  'members.update',
  'members.remove',
  'audit.read',
  'jobs.read',
  'connections.manage',
  'posts.read',
  'posts.drafts',
  'comments.internal',
  'posts.write',
  'posts.approve',
  'posts.publish',
  'crisis.manage',
  'inbox.read',
  'inbox.reply',
  'moderation.act',
  'moderation.rules',
  'listening.read',
  'listening.manage',
  'analytics.read',
  'reports.manage',
  'objectives.manage',
  'ads.read',
  'ads.manage',
  'charter.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What every member of the team holds. `posts.drafts` (drafts in progress) and `comments.internal` (the team's
 * own comments on posts) are the team's: a workspace may open them to its clients (publishing/visibility.ts).
 */
const everyone: Permission[] = ['workspace.read', 'settings.read', 'members.read', 'posts.read', 'posts.drafts', 'comments.internal', 'analytics.read'];

export const MATRIX: Record<RoleName, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  strategist: [
    ...everyone,
    'posts.write', 'posts.approve', 'posts.publish', 'crisis.manage', 'inbox.read', 'listening.read',
    'listening.manage', 'reports.manage', 'objectives.manage', 'ads.read', 'jobs.read', 'charter.manage',
  ],
  content_creator: [...everyone, 'posts.write'],
  community_manager: [
    ...everyone,
    'posts.write', 'posts.publish', 'crisis.manage', 'inbox.read', 'inbox.reply', 'moderation.act', 'moderation.rules',
    'listening.read', 'connections.manage', 'jobs.read',
  ],
  analyst: [...everyone, 'inbox.read', 'listening.read', 'reports.manage', 'ads.read', 'jobs.read'],
  paid_media_manager: [...everyone, 'ads.read', 'ads.manage', 'reports.manage', 'jobs.read'],
  // Agencies let clients watch and approve, nothing else.
  client: ['workspace.read', 'posts.read', 'posts.approve', 'analytics.read'],
};

export function can(role: RoleName, permission: Permission): boolean {
  return MATRIX[role].includes(permission);
}

/** Roles a member may hand out: never above their own (only owners make owners). */
export function assignableRoles(role: RoleName): RoleName[] {
  if (role === 'owner') return [...ROLES];
  if (role === 'admin') return ROLES.filter((r) => r !== 'owner');
  return [];
}

export function isRole(value: string): value is RoleName {
  return (ROLES as readonly string[]).includes(value);
}
