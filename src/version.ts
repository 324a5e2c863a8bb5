import { createRequire } from 'node:module';

// Set by the server's bundle (scripts/build-server.mjs), which runs from dist/ and not from here.
declare const RUCHE_VERSION: string | undefined;

export const VERSION: string =
  typeof RUCHE_VERSION === 'string' ? RUCHE_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
