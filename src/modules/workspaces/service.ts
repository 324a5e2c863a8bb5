import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { forbidden, notFound } from '../../http/errors.js';
import { isRole, type RoleName } from '../../shared/permissions.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import type { Workspace } from './presenters.js';

export interface NewWorkspace {
  name: string;
  timezone?: string;
  locale?: 'fr' | 'en';
}

/** Agencies' staff (owners and admins somewhere) open workspaces for new brands; others are invited. */
export async function canCreateWorkspace(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', 'in', ['owner', 'admin'])
    .executeTakeFirst();
  return !!row;
}

/** Creates a workspace with its creator as owner. Runs inside the caller's transaction. */
export async function createWorkspace(
  trx: Kysely<Database>,
  userId: string,
  input: NewWorkspace,
  meta: { ip: string | null; now: number },
): Promise<Workspace> {
  const workspace: Workspace = {
    id: crypto.randomUUID(),
    name: input.name,
    timezone: input.timezone ?? 'Europe/Paris',
    locale: input.locale ?? 'fr',
    logo_key: null,
    logo_updated_at: null,
    week_start: 'monday',
    clients_see_drafts: 0,
    clients_see_internal_comments: 0,
    clients_see_inbox: 0,
    created_by: userId,
    created_at: meta.now,
  };
  await trx.insertInto('workspaces').values(workspace).execute();
  await trx
    .insertInto('memberships')
    .values({ id: crypto.randomUUID(), workspace_id: workspace.id, user_id: userId, role: 'owner', created_at: meta.now })
    .execute();
  await recordAudit(
    trx,
    {
      action: AuditAction.workspaceCreated,
      workspaceId: workspace.id,
      actorId: userId,
      target: { type: 'workspace', id: workspace.id },
      data: { name: workspace.name },
      ip: meta.ip,
    },
    meta.now,
  );
  return workspace;
}

export async function listWorkspacesOf(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .selectAll('workspaces')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.name')
    .execute();
  return rows.filter((r) => isRole(r.role)).map(({ role, ...w }) => ({ workspace: w, role: role as RoleName }));
}

export async function getWorkspace(db: Kysely<Database>, id: string): Promise<Workspace> {
  const w = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  if (!w) throw notFound('workspace');
  return w;
}

export async function assertCanCreate(db: Kysely<Database>, userId: string): Promise<void> {
  if (!(await canCreateWorkspace(db, userId))) throw forbidden('Only owners and admins can open a new workspace.');
}
