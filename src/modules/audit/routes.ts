import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import type { AuditEventView } from '../../shared/api.js';

const PAGE = 50;

const AuditEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AuditEvent');

const list = workspaceRoute('audit.read', {
  method: 'get',
  path: '/api/v1/workspaces/{workspaceId}/audit',
  tags: ['Audit'],
  summary: "The workspace's security log, newest first, with its members' sign-ins",
  request: { params: WorkspaceParams, query: z.object({ cursor: z.string().max(200).optional() }) },
  responses: { 200: jsonOk(z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })) },
});

export function registerAuditRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { db } = c.var.ctx.store;
    const workspaceId = c.var.member.workspaceId;
    const cursor = decodeCursor(c.req.valid('query').cursor);
    const members = db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId);
    let q = db
      .selectFrom('audit_events')
      .leftJoin('user', 'user.id', 'audit_events.actor_id')
      .selectAll('audit_events')
      .select('user.name as actor_name')
      .where((eb) =>
        eb.or([
          eb('audit_events.workspace_id', '=', workspaceId),
          eb.and([eb('audit_events.workspace_id', 'is', null), eb('audit_events.actor_id', 'in', members)]),
        ]),
      );
    if (cursor) {
      q = q.where(sql<boolean>`(audit_events.created_at, audit_events.id) < (${cursor.at}, ${cursor.id})`);
    }
    const rows = await q.orderBy('audit_events.created_at', 'desc').orderBy('audit_events.id', 'desc').limit(PAGE + 1).execute();
    const items: AuditEventView[] = rows.slice(0, PAGE).map((r) => ({
      id: r.id,
      action: r.action,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      targetType: r.target_type,
      targetId: r.target_id,
      data: safeJson(r.data),
      ip: r.ip,
      createdAt: new Date(Number(r.created_at)).toISOString(),
    }));
    const last = rows[PAGE - 1];
    const nextCursor = rows.length > PAGE && last ? encodeCursor(Number(last.created_at), last.id) : null;
    return c.json({ items, nextCursor }, 200);
  });
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
