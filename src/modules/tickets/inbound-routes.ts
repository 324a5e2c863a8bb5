import crypto from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { HttpEnv } from '../../http/types.js';
import { errorBody } from '../../http/error-handler.js';
import { MAX_INBOUND_BYTES, receiveAnswerMail } from './inbound.js';

export const INBOUND_MAIL_PATH = '/inbound/mail';

const sameSecret = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * Answers to tickets from a hosted inbound-mail service: POST the raw MIME message (message/rfc822) with
 * `Authorization: Bearer <INBOUND_MAIL_SECRET>`, and the envelope recipient as `?to=` when the service gives it.
 * Outside /api: the caller is a server with a secret, not a browser with a session.
 */
export function registerInboundMailRoutes(app: OpenAPIHono<HttpEnv>) {
  app.post(
    INBOUND_MAIL_PATH,
    bodyLimit({
      maxSize: MAX_INBOUND_BYTES,
      onError: (c) => c.json(errorBody('payload_too_large', `The message is larger than ${MAX_INBOUND_BYTES} bytes.`), 413),
    }),
    async (c) => {
      const { ctx } = c.var;
      const secret = ctx.config.inboundMail.secret;
      if (!secret) return c.json(errorBody('not_found', 'Answers by e-mail through HTTP are off: INBOUND_MAIL_SECRET is not set.'), 404);
      const auth = c.req.header('authorization') ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (!given || !sameSecret(given, secret)) return c.json(errorBody('unauthenticated', 'Wrong or missing secret (Authorization: Bearer …).'), 401);
      const raw = Buffer.from(await c.req.arrayBuffer());
      if (raw.length === 0) return c.json(errorBody('empty_message', 'Send the raw e-mail message as the request body.'), 400);
      const to = c.req.query('to');
      const result = await receiveAnswerMail(ctx, raw, to ? [to] : []);
      if (!result.ok) return c.json(errorBody(result.code, result.reason), 422);
      return c.json({ ticketId: result.ticketId, duplicate: result.duplicate }, 200);
    },
  );
}
