/**
 * Meta's webhook callback (Graph API "Webhooks: Getting Started"): the verification request (GET with
 * hub.mode=subscribe, hub.verify_token, hub.challenge) and event notifications (POST, JSON signed with the app
 * secret in X-Hub-Signature-256). A notification is checked against the raw bytes, queued, and answered at once;
 * Meta retries what is not answered 200 quickly. Polling goes on regardless: a missed delivery is read later.
 */
import crypto from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../../context.js';
import type { HttpEnv } from '../../http/types.js';
import { errorBody } from '../../http/error-handler.js';
import { verifySignature } from '../../connectors/meta/signature.js';
import { networkApp } from '../accounts/oauth2/apps.js';
import { metaWebhookPayload } from './meta-payload.js';
import { META_WEBHOOK } from './job-names.js';
import { metaWebhookVerifyToken } from '../network-apps/verify-token.js';

export const META_WEBHOOK_PATH = '/api/v1/webhooks/meta';
/** Meta batches changes; a batch this big is already far past what one Page sends at once. */
export const MAX_META_WEBHOOK_BYTES = 256 * 1024;

const sameText = (a: string, b: string) =>
  crypto.timingSafeEqual(crypto.createHash('sha256').update(a).digest(), crypto.createHash('sha256').update(b).digest());

/** The secrets of the installer's Meta apps (Facebook and Instagram may use the same app or two). */
async function appSecrets(ctx: AppContext): Promise<string[]> {
  const apps = await Promise.all([networkApp(ctx, 'facebook'), networkApp(ctx, 'instagram')]);
  return [...new Set(apps.flatMap((a) => (a?.clientSecret ? [a.clientSecret] : [])))];
}

export function registerMetaWebhookRoutes(app: OpenAPIHono<HttpEnv>) {
  app.get(META_WEBHOOK_PATH, async (c) => {
    const expected = await metaWebhookVerifyToken(c.var.ctx);
    const mode = c.req.query('hub.mode');
    const given = c.req.query('hub.verify_token') ?? '';
    const challenge = c.req.query('hub.challenge') ?? '';
    if (!expected || mode !== 'subscribe' || !given || !sameText(given, expected) || !/^[\w.-]{1,256}$/.test(challenge)) {
      return c.json(errorBody('forbidden', 'The verify token does not match the one set for Meta webhooks.'), 403);
    }
    return c.text(challenge, 200);
  });

  app.post(
    META_WEBHOOK_PATH,
    bodyLimit({
      maxSize: MAX_META_WEBHOOK_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json(errorBody('payload_too_large', `The notification is larger than ${MAX_META_WEBHOOK_BYTES} bytes.`), 413);
      },
    }),
    async (c) => {
      const { ctx } = c.var;
      const header = c.req.header('x-hub-signature-256');
      if (!header) return c.json(errorBody('unauthenticated', 'Missing X-Hub-Signature-256.'), 401);
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const secrets = await appSecrets(ctx);
      if (!secrets.some((s) => verifySignature(raw, header, s))) {
        return c.json(errorBody('forbidden', 'X-Hub-Signature-256 does not match the body signed with the app secret.'), 403);
      }
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(raw));
      } catch {
        return c.json(errorBody('invalid_body', 'The notification is not JSON.'), 400);
      }
      const parsed = metaWebhookPayload.safeParse(json);
      if (!parsed.success) return c.json(errorBody('invalid_body', 'The notification is not a Meta webhook payload.'), 400);
      // The same bytes delivered again (Meta's retry) are one job; changes repeated in another delivery are sorted by key later.
      const digest = crypto.createHash('sha256').update(raw).digest('hex');
      await ctx.jobs.queue.enqueue(META_WEBHOOK, parsed.data, { idempotencyKey: `meta-webhook:${digest}` });
      return c.text('EVENT_RECEIVED', 200);
    },
  );
}
