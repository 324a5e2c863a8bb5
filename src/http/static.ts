import fs from 'node:fs';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpEnv } from './types.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app, and its index.html for any other path so that client-side routes load. Files are sent
 * in the .br or .gz version the build wrote beside them when the browser accepts it (scripts/vite-precompress.ts).
 */
export function mountWebApp(app: Hono<HttpEnv>, webDir: string) {
  const root = path.relative(process.cwd(), webDir) || '.';
  const withCache = (cacheControl: string) => (_path: string, c: Context) => {
    c.header('Cache-Control', cacheControl);
    // Set whether or not this answer is compressed: a shared cache must not hand one browser's version to another.
    c.header('Vary', 'Accept-Encoding');
  };
  // Source maps would hand out the app's sources, and dot files (the build's stamp) are not part of the app.
  app.get('*', async (c, next) => (c.req.path.endsWith('.map') || /\/\./.test(c.req.path) ? notFound(c) : next()));
  // Vite names assets by content hash: they never change.
  app.use('/assets/*', serveStatic({ root, precompressed: true, onFound: withCache(IMMUTABLE) }));
  // A missing asset (an old hashed name after a deploy) must fail as a script, not load the app's HTML.
  app.get('/assets/*', notFound);
  // Everything else (index.html, the icon) keeps its name across deploys: checked again on every visit.
  const revalidate = withCache('no-cache');
  app.use('/*', serveStatic({ root, precompressed: true, onFound: revalidate }));
  app.get('*', serveStatic({ root, path: 'index.html', precompressed: true, onFound: revalidate }));
  app.get('*', (c) => {
    if (fs.existsSync(path.join(webDir, 'index.html'))) return notFound(c);
    return c.text('The web app is not built. Run "npm run build:web" (npm start does it).', 503);
  });
}

function notFound(c: Context) {
  c.header('Cache-Control', 'no-store');
  return c.text('Not found', 404);
}
