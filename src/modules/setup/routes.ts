import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { Email, Password, PersonName, SessionSchema } from '../session/schema.js';
import { Locale, Timezone, WorkspaceName } from '../workspaces/schema.js';
import { presentSession } from '../session/presenters.js';
import { requestHeaders, withAuthCookies } from '../session/auth-calls.js';
import { claimSetup, createOwner, needsOwner } from './service.js';

const OwnerCreate = z.strictObject({
  name: PersonName,
  email: Email,
  password: Password,
  workspaceName: WorkspaceName,
  locale: Locale.optional(),
  /** The first workspace's zone: the setup page sends its browser's, so that times read as the owner's clock does. */
  timezone: Timezone.optional(),
});

const status = publicRoute({
  method: 'get',
  path: '/api/v1/setup',
  tags: ['Setup'],
  summary: 'Whether the first visitor must create the owner account',
  responses: { 200: jsonOk(z.object({ needsOwner: z.boolean() })) },
});

const create = publicRoute({
  method: 'post',
  path: '/api/v1/setup',
  tags: ['Setup'],
  summary: 'Create the owner account and the first workspace (only while no account exists)',
  request: jsonBody(OwnerCreate),
  responses: { 201: jsonOk(SessionSchema, 'Created and signed in'), 409: { description: 'Already set up' } },
});

export function registerSetupRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(status, async (c) => c.json({ needsOwner: await needsOwner(c.var.ctx) }, 200));

  app.openapi(create, async (c) => {
    const { ctx, ip } = c.var;
    const input = c.req.valid('json');
    const release = await claimSetup(ctx);
    try {
      const res = await createOwner(
        ctx,
        input,
        () =>
          withAuthCookies(c, () =>
            ctx.auth.api.signUpEmail({
              body: { name: input.name, email: input.email, password: input.password },
              headers: requestHeaders(c),
              returnHeaders: true,
            }),
          ),
        { ip },
      );
      const expiresAt = new Date(ctx.clock.now() + ctx.config.sessionDays * 86400_000);
      return c.json(await presentSession(ctx.store.db, res.user, expiresAt), 201);
    } catch (err) {
      await release();
      throw err;
    }
  });
}
