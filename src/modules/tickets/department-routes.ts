import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { conflict, notFound } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ensureDepartments, nameTaken, type DepartmentRow } from './departments.js';
import type { DepartmentView } from './views.js';

const fields = {
  name: z.string().trim().min(1).max(80),
  /** Empty: no address yet, so no ticket can be sent to it. */
  email: z.union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email().max(254))]),
  responseHours: z.number().int().min(1).max(24 * 90),
};
const DepartmentInput = z.strictObject({ ...fields, email: fields.email.default(''), responseHours: fields.responseHours.default(48) });
const DepartmentUpdate = z.strictObject(fields).partial();
const DepartmentSchema = z
  .object({ id: z.string(), key: z.string().nullable(), name: z.string(), email: z.string(), responseHours: z.number(), tickets: z.number() })
  .openapi('Department');
const DepartmentParams = WorkspaceParams.extend({ departmentId: z.string().min(1).max(64) });
const path = '/api/v1/workspaces/{workspaceId}/departments';
const tags = ['Tickets'];

// Whoever reads the inbox sees where complaints can go. Departments are edited with `moderation.rules`, the
// permission of routing complaints: a community manager sets up where each kind of complaint goes, as they set up
// the rules that open tickets, and admins and owners hold it too. `workspace.update` would keep community
// managers from fixing a department's address, the one thing they need most.
const list = workspaceRoute('inbox.read', {
  method: 'get', path, tags, summary: 'The departments tickets are sent to (the five built-in ones are created on first read)',
  request: { params: WorkspaceParams }, responses: { 200: jsonOk(itemsOf(DepartmentSchema)) },
});
const create = workspaceRoute('moderation.rules', {
  method: 'post', path, tags, summary: 'A department of the workspace’s own', request: { params: WorkspaceParams, ...jsonBody(DepartmentInput) },
  responses: { 201: jsonOk(DepartmentSchema, 'Created') },
});
const update = workspaceRoute('moderation.rules', {
  method: 'patch', path: `${path}/{departmentId}`, tags, summary: 'A department’s e-mail address, response time or name (built-in ones keep their name)',
  request: { params: DepartmentParams, ...jsonBody(DepartmentUpdate) }, responses: { 200: jsonOk(DepartmentSchema) },
});
const remove = workspaceRoute('moderation.rules', {
  method: 'delete', path: `${path}/{departmentId}`, tags, summary: 'A department of the workspace’s own, while it has no tickets',
  request: { params: DepartmentParams }, responses: { 204: noContent, 409: { description: 'Built in, or has tickets' } },
});

const present = (d: DepartmentRow, tickets: number): DepartmentView => ({
  id: d.id, key: d.key, name: d.name, email: d.email, responseHours: Number(d.response_hours), tickets,
});

export function registerDepartmentRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const { db } = ctx.store;
    await ensureDepartments(db, member.workspaceId, ctx.clock.now());
    const rows = await db.selectFrom('departments').selectAll().where('workspace_id', '=', member.workspaceId).orderBy('created_at').orderBy('name').execute();
    const counts = await db
      .selectFrom('tickets')
      .select((eb) => ['department_id', eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', member.workspaceId)
      .groupBy('department_id')
      .execute();
    const countOf = (id: string) => Number(counts.find((x) => x.department_id === id)?.n ?? 0);
    return c.json({ items: rows.map((d) => present(d, countOf(d.id))) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const input = c.req.valid('json');
    const now = ctx.clock.now();
    const row: DepartmentRow = {
      id: crypto.randomUUID(), workspace_id: member.workspaceId, key: null, name: input.name, email: input.email, response_hours: input.responseHours,
      created_at: now, updated_at: now,
    };
    await ensureDepartments(ctx.store.db, member.workspaceId, now);
    await ctx.store.db.transaction().execute(async (trx) => {
      await refuseTakenName(trx, member.workspaceId, input.name, null);
      await trx.insertInto('departments').values(row).execute();
      await recordAudit(trx, { action: AuditAction.departmentCreated, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'department', id: row.id }, data: { name: row.name }, ip }, now);
    });
    return c.json(present(row, 0), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { departmentId } = c.req.valid('param');
    const input = c.req.valid('json');
    const now = ctx.clock.now();
    const after = await ctx.store.db.transaction().execute(async (trx) => {
      const find = () => trx.selectFrom('departments').selectAll().where('id', '=', departmentId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      const before = await find();
      if (!before) throw notFound('department');
      if (!before.key && input.name !== undefined) await refuseTakenName(trx, member.workspaceId, input.name, departmentId);
      const changes = {
        // A built-in department is named by the app in each reader's language: its name stays.
        name: before.key ? undefined : input.name,
        email: input.email,
        response_hours: input.responseHours,
      };
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (Object.keys(defined).length === 0) return before;
      await trx.updateTable('departments').set({ ...defined, updated_at: now }).where('id', '=', departmentId).execute();
      const row = (await find())!;
      await recordAudit(trx, {
        action: AuditAction.departmentUpdated, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'department', id: departmentId },
        data: { name: row.name, key: row.key }, ip,
      }, now);
      return row;
    });
    const n = await ctx.store.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('department_id', '=', departmentId).executeTakeFirstOrThrow();
    return c.json(present(after, Number(n.n)), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { departmentId } = c.req.valid('param');
    await ctx.store.db.transaction().execute(async (trx) => {
      const d = await trx.selectFrom('departments').selectAll().where('id', '=', departmentId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      if (!d) throw notFound('department');
      if (d.key) throw conflict('department_built_in', 'A built-in department cannot be deleted; leave its e-mail address empty to stop sending it tickets.');
      const used = await trx.selectFrom('tickets').select('id').where('department_id', '=', departmentId).executeTakeFirst();
      if (used) throw conflict('department_has_tickets', 'This department has tickets; it can be deleted once none refer to it.');
      await trx.deleteFrom('departments').where('id', '=', departmentId).execute();
      await recordAudit(trx, { action: AuditAction.departmentDeleted, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'department', id: departmentId }, data: { name: d.name }, ip }, ctx.clock.now());
    });
    return c.body(null, 204);
  });
}

/** Two departments read alike would leave the ticket dialog offering the same name twice. */
async function refuseTakenName(db: Kysely<Database>, workspaceId: string, name: string, exceptId: string | null): Promise<void> {
  const others = await db.selectFrom('departments').select(['id', 'key', 'name']).where('workspace_id', '=', workspaceId).execute();
  if (nameTaken(others.filter((d) => d.id !== exceptId), name)) {
    throw conflict('department_name_taken', 'Another department of this workspace already has this name.');
  }
}
