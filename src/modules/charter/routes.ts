import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { badRequest, forbidden } from '../../http/errors.js';
import { can, type RoleName } from '../../shared/permissions.js';
import { Charter } from '../../shared/charter/charter.js';
import { checkMessage } from '../../shared/charter/check.js';
import { recordAudit, AuditAction } from '../audit/service.js';
import { CharterPut, CharterView, CheckAnswer, CheckBody, VersionList, VersionParams, ViolationsAnswer, ViolationsQuery } from './schema.js';
import { charterVersion, currentCharter, listVersions, saveCharter } from './repository.js';
import { presentCharter, presentVersions } from './presenters.js';
import { worded } from './service.js';
import { pickLocale } from './locale.js';
import { charterViolations } from './violations.js';

const path = '/api/v1/workspaces/{workspaceId}/charter';
const tags = ['Charter'];

const read = workspaceRoute('workspace.read', {
  method: 'get', path, tags,
  summary: 'The editorial charter in force, with its version (0 and the empty charter before the first save)',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(CharterView) },
});

const write = workspaceRoute('charter.manage', {
  method: 'put', path, tags,
  summary: 'Save a new version of the charter, on top of the version the editor started from',
  request: { params: WorkspaceParams, ...jsonBody(CharterPut) },
  responses: { 200: jsonOk(CharterView), 409: { description: 'Someone saved another version meanwhile (charter_conflict)' } },
});

const versions = workspaceRoute('workspace.read', {
  method: 'get', path: `${path}/versions`, tags,
  summary: "The charter's versions, newest first",
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(VersionList) },
});

const version = workspaceRoute('workspace.read', {
  method: 'get', path: `${path}/versions/{version}`, tags,
  summary: 'One version of the charter as it was saved',
  request: { params: VersionParams },
  responses: { 200: jsonOk(CharterView) },
});

const check = workspaceRoute('workspace.read', {
  method: 'post', path: `${path}/check`, tags,
  summary: 'Check a text against the charter, as the composer, the reply box and the saved replies editor do (for members who write)',
  request: { params: WorkspaceParams, ...jsonBody(CheckBody) },
  responses: { 200: jsonOk(CheckAnswer) },
});

const violations = workspaceRoute('workspace.read', {
  method: 'get', path: `${path}/violations`, tags,
  summary: 'The saved replies and the posts not yet out that break the charter in force (for members who write)',
  request: { params: WorkspaceParams, query: ViolationsQuery },
  responses: { 200: jsonOk(ViolationsAnswer) },
});

/** The checker is for those who write posts or replies; clients and analysts read the charter only. */
function assertWrites(role: RoleName) {
  if (!can(role, 'posts.write') && !can(role, 'inbox.reply')) throw forbidden('Only members who write posts or replies check texts against the charter.');
}

/** zod's words for what is wrong, with the field each is about. */
function invalidCharter(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const details = issues.map((i) => ({ path: ['charter', ...i.path].join('.'), message: i.message }));
  const message = details.slice(0, 3).map((d) => `${d.path}: ${d.message}`).join('; ');
  return badRequest('invalid_charter', message, details);
}

export function registerCharterRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(read, async (c) => {
    const { db } = c.var.ctx.store;
    return c.json(await presentCharter(db, await currentCharter(db, c.var.member.workspaceId)), 200);
  });

  app.openapi(write, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const body = c.req.valid('json');
    const parsed = Charter.safeParse(body.charter);
    if (!parsed.success) throw invalidCharter(parsed.error.issues);
    const now = ctx.clock.now();
    await ctx.store.db.transaction().execute(async (trx) => {
      const saved = await saveCharter(trx, member.workspaceId, actor.userId, parsed.data, body.baseVersion, now);
      await recordAudit(trx, { action: AuditAction.charterUpdated, workspaceId: member.workspaceId, actorId: actor.userId, data: { version: saved }, ip }, now);
    });
    const { db } = ctx.store;
    return c.json(await presentCharter(db, await currentCharter(db, member.workspaceId)), 200);
  });

  app.openapi(versions, async (c) => {
    const { db } = c.var.ctx.store;
    return c.json({ items: await presentVersions(db, await listVersions(db, c.var.member.workspaceId)) }, 200);
  });

  app.openapi(version, async (c) => {
    const { db } = c.var.ctx.store;
    return c.json(await presentCharter(db, await charterVersion(db, c.var.member.workspaceId, c.req.valid('param').version)), 200);
  });

  app.openapi(check, async (c) => {
    const { ctx, member, actor } = c.var;
    assertWrites(member.role);
    const { locale: asked, ...input } = c.req.valid('json');
    const locale = pickLocale(asked, c.req.header('accept-language'));
    const { charter, version: current } = await currentCharter(ctx.store.db, member.workspaceId);
    const writerFirstName = input.writerFirstName === undefined ? (actor.name.trim().split(/\s+/u)[0] || null) : input.writerFirstName;
    const result = checkMessage(charter, { ...input, writerFirstName });
    return c.json({ ...result, findings: worded(result.findings, locale), version: current }, 200);
  });

  app.openapi(violations, async (c) => {
    const { ctx, member } = c.var;
    assertWrites(member.role);
    const locale = pickLocale(c.req.valid('query').locale, c.req.header('accept-language'));
    return c.json(await charterViolations(ctx.store.db, member.workspaceId, member.role, locale), 200);
  });
}
