import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Permission } from '../shared/permissions.js';
import { requireMember, requirePermission, requireUser } from './guards.js';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } }]),
  );

type Spec = Omit<RouteConfig, 'middleware' | 'security'>;

export function publicRoute<R extends Spec>(spec: R) {
  return createRoute({ ...spec, responses: { ...errors(400, 429), ...spec.responses } });
}

export function userRoute<R extends Spec>(spec: R) {
  return createRoute({
    ...spec,
    security: [{ session: [] }],
    middleware: [requireUser] as const,
    responses: { ...errors(400, 401), ...spec.responses },
  });
}

/**
 * A route inside one workspace: the path holds {workspaceId}, the caller must be a member (else 404)
 * and their role must grant the permission (else 403). Checked before the body is even read.
 */
export function workspaceRoute<R extends Spec>(permission: Permission, spec: R) {
  if (!spec.path.startsWith('/api/v1/workspaces/{workspaceId}')) throw new Error(`not a workspace path: ${spec.path}`);
  return createRoute({
    ...spec,
    security: [{ session: [] }],
    'x-permission': permission,
    middleware: [requireUser, requireMember, requirePermission(permission)] as const,
    responses: { ...errors(400, 401, 403, 404), ...spec.responses },
  });
}

export const WorkspaceParams = z.object({ workspaceId: z.string().min(1).max(64) });
export { z };
