import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { ROLES, assignableRoles } from '../../shared/permissions.js';
import { Email } from '../session/schema.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { getWorkspace } from '../workspaces/service.js';
import { INVITATION_DAYS, hashToken, listInvitations, newToken, presentInvitation } from './service.js';
import { invitationMail } from './mail.js';
import { registerAcceptRoutes } from './accept-routes.js';

const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    invitedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    link: z.string().optional(),
    emailed: z.boolean().optional(),
  })
  .openapi('Invitation');

const list = workspaceRoute('members.invite', {
  method: 'get',
  path: '/api/v1/workspaces/{workspaceId}/invitations',
  tags: ['Members'],
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(itemsOf(InvitationSchema)) },
});

const create = workspaceRoute('members.invite', {
  method: 'post',
  path: '/api/v1/workspaces/{workspaceId}/invitations',
  tags: ['Members'],
  summary: 'Invite someone by e-mail; the answer holds the link to share',
  request: { params: WorkspaceParams, ...jsonBody(z.strictObject({ email: Email, role: z.enum(ROLES) })) },
  responses: { 201: jsonOk(InvitationSchema, 'Created'), 409: { description: 'already_member: the address is a member of the workspace already' } },
});

const revoke = workspaceRoute('members.invite', {
  method: 'delete',
  path: '/api/v1/workspaces/{workspaceId}/invitations/{invitationId}',
  tags: ['Members'],
  request: { params: WorkspaceParams.extend({ invitationId: z.string().min(1).max(64) }) },
  responses: { 204: noContent },
});

export function registerInvitationRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    return c.json({ items: await listInvitations(ctx.store.db, member.workspaceId, ctx.clock.now()) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { email, role } = c.req.valid('json');
    if (!assignableRoles(member.role).includes(role)) throw forbidden('Your role cannot invite with this role.');
    const now = ctx.clock.now();
    const token = newToken();
    const inv = {
      id: crypto.randomUUID(),
      workspace_id: member.workspaceId,
      email,
      role,
      token_hash: hashToken(token),
      invited_by: actor.userId,
      created_at: now,
      expires_at: now + INVITATION_DAYS * 86400_000,
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    };
    await ctx.store.db.transaction().execute(async (trx) => {
      const already = await trx.selectFrom('memberships').innerJoin('user', 'user.id', 'memberships.user_id').select('memberships.id')
        .where('memberships.workspace_id', '=', member.workspaceId).where(sql<string>`lower("user"."email")`, '=', email).executeTakeFirst();
      if (already) throw conflict('already_member', 'This person is already a member of the workspace.');
      // Inviting an address again sends a new link, for the role chosen now: the one sent before stops working, so
      // that one person never holds two links to two roles.
      const replaced = await trx.updateTable('invitations').set({ revoked_at: now })
        .where('workspace_id', '=', member.workspaceId).where('email', '=', email)
        .where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
        .returning('id').execute();
      await trx.insertInto('invitations').values(inv).execute();
      await recordAudit(trx, {
        action: AuditAction.invitationCreated,
        workspaceId: member.workspaceId,
        actorId: actor.userId,
        target: { type: 'invitation', id: inv.id },
        data: { email, role, ...(replaced.length ? { replaced: replaced.map((r) => r.id) } : {}) },
        ip,
      });
    });
    const link = `${ctx.config.publicUrl}/invite/${token}`;
    let emailed = false;
    if (ctx.mailer.enabled) {
      const ws = await getWorkspace(ctx.store.db, member.workspaceId);
      try {
        await ctx.mailer.send(
          invitationMail({ to: email, workspaceName: ws.name, inviter: actor.name, link, locale: ws.locale, days: INVITATION_DAYS }),
        );
        emailed = true;
      } catch (err) {
        // The invitation stands: the link is in the answer and can be shared by hand.
        c.var.log.warn({ err }, 'invitation e-mail not sent');
      }
    }
    return c.json({ ...presentInvitation(inv, actor.name, now), link, emailed }, 201);
  });

  app.openapi(revoke, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { invitationId } = c.req.valid('param');
    await ctx.store.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('invitations')
        .set({ revoked_at: ctx.clock.now() })
        .where('id', '=', invitationId)
        .where('workspace_id', '=', member.workspaceId)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound('invitation');
      const revoked = await trx.selectFrom('invitations').select(['email', 'role']).where('id', '=', invitationId).executeTakeFirstOrThrow();
      await recordAudit(trx, {
        action: AuditAction.invitationRevoked,
        workspaceId: member.workspaceId,
        actorId: actor.userId,
        target: { type: 'invitation', id: invitationId },
        data: { email: revoked.email, role: revoked.role },
        ip,
      });
    });
    return c.body(null, 204);
  });

  registerAcceptRoutes(app);
}
