import fs from 'node:fs';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpEnv } from './types.js';

/** Serves the built web app, and its index.html for any other path so that client-side routes load. */
export function mountWebApp(app: Hono<HttpEnv>, webDir: string) {
  const indexFile = path.join(webDir, 'index.html');
  const root = path.relative(process.cwd(), webDir) || '.';
  // Source maps would hand out the app's sources; a build that made them still does not serve them.
  app.get('*', async (c, next) => (c.req.path.endsWith('.map') ? notFound(c) : next()));
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        // Vite names assets by content hash: they never change.
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // A missing asset (an old hashed name after a deploy) must fail as a script, not load the app's HTML.
  app.get('/assets/*', notFound);
  app.use('/*', serveStatic({ root }));
  // Read once: the build happens before the server starts.
  let index: string | null = null;
  app.get('*', (c) => {
    if (index === null && fs.existsSync(indexFile)) index = fs.readFileSync(indexFile, 'utf8');
    if (index === null) return c.text('The web app is not built. Run "npm run build:web" (npm start does it).', 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(index);
  });
}

function notFound(c: Context) {
  c.header('Cache-Control', 'no-store');
  return c.text('Not found', 404);
}
