import { createMiddleware } from 'hono/factory';
import { badRequest } from './errors.js';
import type { HttpEnv } from './types.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
// A \u0000 escape that is not itself escaped (an even run of backslashes before it, none counting).
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

/**
 * No field of ours takes a NUL character, and PostgreSQL cannot store one in text: refused here, once,
 * for the path, the query and JSON bodies, so that no route has to think of it.
 */
export const refuseNul = createMiddleware<HttpEnv>(async (c, next) => {
  // Node's parser refuses a raw NUL in the request line; encoded, it becomes one when decoded.
  if (/%00/i.test(c.req.url)) {
    throw badRequest('invalid_characters', 'The address contains a NUL character, which no field accepts.');
  }
  const type = c.req.header('content-type')?.split(';')[0].trim() ?? '';
  if (JSON_TYPE.test(type) && ESCAPED_NUL.test(await c.req.text())) {
    throw badRequest('invalid_characters', 'The request body contains a NUL character (\\u0000), which no field accepts.');
  }
  await next();
});
