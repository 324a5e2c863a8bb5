import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Permission } from '../shared/permissions.js';
import { requireMember, requirePermission, requireUser } from './guards.js';
import { IDEMPOTENCY_HEADER, idempotent } from './idempotency.js';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } }]),
  );

type Spec = Omit<RouteConfig, 'middleware' | 'security'>;

const IdempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER.toLowerCase()]: z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .optional()
    .openapi({
      description:
        'Any unique value (a UUID) per write: a retry with the same key and the same request gets the first answer again, ' +
        'with the header Idempotent-Replayed: true, instead of writing twice. Kept 24 hours per user. The same key with ' +
        'another request answers 422; while the first is still running, 409.',
    }),
});

/** Every POST of a signed-in user takes an Idempotency-Key, so that any create can be retried safely. */
const isWrite = (spec: Spec) => spec.method === 'post';
function documentIdempotency<R extends Spec>(spec: R): R {
  if (!isWrite(spec) || spec.request?.headers) return spec;
  return { ...spec, request: { ...spec.request, headers: IdempotencyHeaders } };
}

export function publicRoute<R extends Spec>(spec: R) {
  return createRoute({ ...spec, responses: { ...errors(400, 429), ...spec.responses } });
}

export function userRoute<R extends Spec>(spec: R) {
  return createRoute({
    ...documentIdempotency(spec),
    security: [{ session: [] }],
    middleware: isWrite(spec) ? [requireUser, idempotent] : [requireUser],
    responses: { ...errors(400, 401), ...spec.responses },
  });
}

/**
 * A route inside one workspace: the path holds {workspaceId}, the caller must be a member (else 404)
 * and their role must grant the permission (else 403). Checked before the body is even read.
 */
export function workspaceRoute<R extends Spec>(permission: Permission, spec: R) {
  if (!spec.path.startsWith('/api/v1/workspaces/{workspaceId}')) throw new Error(`not a workspace path: ${spec.path}`);
  const guards = [requireUser, requireMember, requirePermission(permission)];
  return createRoute({
    ...documentIdempotency(spec),
    security: [{ session: [] }],
    'x-permission': permission,
    // After the guards: a key is remembered only for requests the member may make.
    middleware: isWrite(spec) ? [...guards, idempotent] : guards,
    responses: { ...errors(400, 401, 403, 404), ...spec.responses },
  });
}

export const WorkspaceParams = z.object({ workspaceId: z.string().min(1).max(64) });
export { z };
