#!/usr/bin/env node
/**
 * The server as JavaScript (dist/server/main.mjs), bundled from src/main.ts with esbuild, so that a start compiles no
 * TypeScript. What is imported with `import()` lands in chunks of its own (dist/server/chunks) and is read only when
 * first used. The packages every start loads are bundled in (STARTUP_PACKAGES): one file read instead of hundreds,
 * and only the parts used. Every other package stays in node_modules, found from dist/ as from src/: native ones
 * (better-sqlite3, sharp) and those that read their own files (pdfkit's fonts, fasttext's WebAssembly) keep working,
 * and one imported with `import()` costs nothing until then. Rebuilt only when a file it was made from changed, as
 * the web app is (web-inputs.mjs). `node scripts/build-server.mjs [--force]`; scripts/start.mjs and the tests call
 * buildServer().
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STAMP_FILE, fingerprintOf, readStamp } from './web-inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverDir = path.join(root, 'dist/server');
export const serverEntry = path.join(serverDir, 'main.mjs');
/**
 * Packages bundled in, with everything they import. No package left in node_modules may import one of these, or it
 * would be loaded twice (zod's dependents are all here for that reason).
 */
const STARTUP_PACKAGES = new Set([
  'kysely', 'zod', 'hono', '@hono/node-server', '@hono/zod-openapi', '@asteasolutions/zod-to-openapi', '@hono/zod-validator',
  'better-auth', 'luxon', 'ipaddr.js', 'pino',
]);
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Our sources import STARTUP_PACKAGES from the bundle and any other package from node_modules. */
const startupPackagesOnly = {
  name: 'startup-packages-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      const fromPackage = args.importer.includes(`${path.sep}node_modules${path.sep}`);
      if (!fromPackage && !STARTUP_PACKAGES.has(packageOf(args.path))) return { external: true };
      // Within a bundled package everything is bundled, but an optional import it makes in a try (an absent
      // @opentelemetry/api) stays as it is.
      const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return found.errors.length > 0 ? { external: true } : found;
    });
  },
};

const inputs = (files) => [...files, 'package.json', 'package-lock.json', 'scripts/build-server.mjs'];

/** Whether the last build was made from the files as they are now, in this folder. */
export function serverUpToDate() {
  const stamp = readStamp(serverDir);
  // Absolute folders are written into the bundle: a project moved elsewhere needs a new one.
  return !!stamp && stamp.root === root && fs.existsSync(serverEntry) && stamp.fingerprint === fingerprintOf(root, inputs(stamp.files));
}

/** Writes whole and then renames: a start running beside a build never reads a half-written file. */
function replace(file, contents) {
  const part = `${file}.${process.pid}`;
  fs.writeFileSync(part, contents);
  fs.renameSync(part, file);
}

/** Builds the server unless the last build was made from the same files; returns the file to run. */
export async function buildServer({ force = false } = {}) {
  if (!force && serverUpToDate()) return serverEntry;
  const { build } = await import('esbuild');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const result = await build({
    // Input paths in the metafile are then relative to the project, whatever folder the command is run from.
    absWorkingDir: root,
    // The listening reader, the report renderer and the analytics reader run on threads of their own
    // (src/modules/listening/reader-pool.ts, src/modules/reports/render-thread.ts, src/modules/analytics/figure-threads.ts).
    entryPoints: {
      main: path.join(root, 'src/main.ts'),
      'listening-reader': path.join(root, 'src/modules/listening/reader-worker.ts'),
      'report-renderer': path.join(root, 'src/modules/reports/render-worker.ts'),
      'analytics-reader': path.join(root, 'src/modules/analytics/figure-worker.ts'),
    },
    outdir: serverDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [startupPackagesOnly],
    // CommonJS packages bundled into these modules call require() for node's own modules.
    banner: { js: "import { createRequire as __rucheCreateRequire } from 'node:module'; const require = __rucheCreateRequire(import.meta.url);" },
    // What src/ finds relative to its own files, given as the folders it means (see src/version.ts and friends).
    define: {
      RUCHE_VERSION: JSON.stringify(pkg.version),
      RUCHE_WEB_DIR: JSON.stringify(path.join(root, 'dist/web')),
      RUCHE_MODELS_DIR: JSON.stringify(path.join(root, 'src/analysis/models')),
      RUCHE_LISTENING_READER: JSON.stringify(path.join(serverDir, 'listening-reader.mjs')),
      RUCHE_REPORT_RENDERER: JSON.stringify(path.join(serverDir, 'report-renderer.mjs')),
      RUCHE_ANALYTICS_READER: JSON.stringify(path.join(serverDir, 'analytics-reader.mjs')),
    },
    // Half the text for V8 to read and keep at each start; names are kept, and the maps (read by node only with
    // --enable-source-maps) lead a stack trace back to src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const previous = readStamp(serverDir);
  fs.mkdirSync(path.join(serverDir, 'chunks'), { recursive: true });
  // Chunks are named by their content, the entry last: a bundle is never read before the chunks it imports exist.
  const outputs = result.outputFiles.sort((a, b) => Number(a.path === serverEntry) - Number(b.path === serverEntry));
  for (const file of outputs) replace(file.path, file.contents);
  const written = outputs.map((f) => path.relative(serverDir, f.path));
  replace(path.join(serverDir, STAMP_FILE), JSON.stringify({ root, files, outputs: written, fingerprint: fingerprintOf(root, inputs(files)) }));
  // A server started from the previous build may still ask for its chunks; older ones go.
  const keep = new Set([...written, ...(previous?.outputs ?? [])]);
  for (const name of fs.readdirSync(path.join(serverDir, 'chunks'))) {
    const rel = `chunks/${name}`;
    if (!keep.has(rel) && !/\.\d+$/.test(name)) fs.rmSync(path.join(serverDir, rel), { force: true });
  }
  return serverEntry;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer({ force: process.argv.includes('--force') });
}
