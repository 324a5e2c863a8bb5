import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../context.js';
import type { HttpEnv } from './types.js';
import { csrfGuard } from './guards.js';
import { refuseNul } from './input-guard.js';
import { errorBody, handleError, validationFailed } from './error-handler.js';
import { mountWebApp } from './static.js';
import { compressJson } from './compress.js';
import { clientIp } from './client-ip.js';
import { registerApiRoutes } from './api-routes.js';
import { VERSION } from '../version.js';
import { MAX_UPLOAD_BYTES } from '../modules/media/images.js';
import { MAX_VIDEO_BYTES } from '../modules/media/video.js';

const MAX_BODY_BYTES = 1024 * 1024;
// Media uploads are the only bodies allowed past the JSON limit.
const UPLOAD_PATH = /^\/api\/v1\/workspaces\/[^/]+\/media$/;
// Set by the server's bundle (scripts/build-server.mjs), which runs from dist/ and not from here.
declare const RUCHE_WEB_DIR: string | undefined;
const defaultWebDir = typeof RUCHE_WEB_DIR === 'string' ? RUCHE_WEB_DIR : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export function createHttpApp(ctx: AppContext, options: { webDir?: string } = {}) {
  const app = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => (result.success ? undefined : validationFailed(result.error, c)),
  });
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    c.set('log', ctx.log);
    c.set('ip', clientIp(c, ctx.config.trustProxy));
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      // Over plain HTTP the header is ignored at best, and at worst pins a name that later serves HTTPS elsewhere.
      strictTransportSecurity: ctx.config.publicUrl.startsWith('https://') ? 'max-age=15552000; includeSubDomains' : false,
      // The same rule as frame-ancestors 'none', for browsers that only read the older header.
      xFrameOptions: 'DENY',
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('/api/*', compressJson());
  app.use('/api/*', async (c, next) => {
    // Set before the answer is made, so that it is made with it: c.header() afterwards would rebuild the answer
    // around a stream of its body. An answer a route made with headers of its own is set on those.
    c.header('Cache-Control', 'no-store');
    await next();
    if (c.res.headers.get('Cache-Control') !== 'no-store') c.res.headers.set('Cache-Control', 'no-store');
  });
  const limitFor = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is left unread: the connection cannot carry another request.
        c.header('Connection', 'close');
        return c.json(errorBody('payload_too_large', `The request body is larger than ${maxSize} bytes.`), 413);
      },
    });
  const jsonLimit = limitFor(MAX_BODY_BYTES);
  const uploadLimit = limitFor(Math.max(MAX_UPLOAD_BYTES, MAX_VIDEO_BYTES));
  // No route reads the body of a GET, HEAD or OPTIONS (Node discards it unread): limiting it would only make the
  // request's full Fetch copy for nothing.
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    return (method === 'POST' && UPLOAD_PATH.test(c.req.path) ? uploadLimit : jsonLimit)(c, next);
  });
  app.use('/api/*', csrfGuard);
  app.use('/api/*', refuseNul);

  registerApiRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'ruche.session_token',
  });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Ruche API', version: VERSION, description: 'Writes need the header X-Ruche-CSRF: 1. POSTs take an Idempotency-Key header, so that a retry cannot write twice.' },
  });
  app.all('/api/*', (c) => c.json(errorBody('not_found', 'No such API route.'), 404));
  mountWebApp(app, options.webDir ?? defaultWebDir);
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
