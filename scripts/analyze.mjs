#!/usr/bin/env node
/**
 * `npm run analyze`: the analysis command line, run from one JavaScript bundle of its sources rather than through
 * tsx, so that a start compiles nothing (the first answer comes about 200 ms sooner). The bundle is remade when one
 * of the files it was made from has changed, as the web build is (see web-inputs.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/analyze');
const bundle = path.join(outDir, 'analyze.mjs');
// The shipped models' bank, kept between runs (src/analysis/model/bank-file.ts).
const bankFile = path.join(outDir, 'models.bank');
// This script too: how the bundle is made is part of what it was made from.
const inputs = (files) => [...files, 'package-lock.json', 'scripts/analyze.mjs'];

// The size and modification time of the bundle and of each file it was made from, taken when their contents were
// last found to match its stamp: while none has changed, a start reads no file and hashes nothing.
const statsFile = path.join(outDir, '.stats.json');
const statsOf = (files) => files.map((file) => {
  try {
    const st = fs.statSync(path.join(root, file));
    return [file, st.size, st.mtimeMs];
  } catch {
    return [file, -1, 0];
  }
});
const sameStats = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function unchanged() {
  try {
    const saved = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    return saved.root === root && Array.isArray(saved.stats) && sameStats(saved.stats, statsOf(saved.stats.map(([file]) => file)));
  } catch {
    return false;
  }
}

if (!unchanged()) await checkBundle();

async function checkBundle() {
  const { STAMP_FILE, fingerprintOf, readStamp } = await import('./web-inputs.mjs');
  const stamp = readStamp(outDir);
  // Taken before the contents are read: a file changed meanwhile shows a new time at the next start.
  const stats = statsOf(stamp ? [path.relative(root, bundle), ...inputs(stamp.files)] : []);
  // The models' folder is written into the bundle: a project moved elsewhere needs a new one.
  if (stamp && stamp.root === root && fs.existsSync(bundle) && stamp.fingerprint === fingerprintOf(root, inputs(stamp.files))) {
    fs.writeFileSync(`${statsFile}.${process.pid}`, JSON.stringify({ root, stats }));
    fs.renameSync(`${statsFile}.${process.pid}`, statsFile);
    return;
  }
  const { build } = await import('esbuild');
  const result = await build({
    // Input paths in the metafile are then relative to the project, whatever folder the command is run from.
    absWorkingDir: root,
    entryPoints: { analyze: path.join(root, 'src/cli/analyze-main.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // What is imported only when needed (the input schema, and with it zod, for a refused line) goes to a chunk of
    // its own, loaded then: in one file, its packages would be imported at every start.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // Written below, whole and then renamed: two first runs at once never read a half-written bundle.
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules, found from dist/ as from src/.
    packages: 'external',
    define: { RUCHE_MODELS_DIR: JSON.stringify(path.join(root, 'src/analysis/models')), RUCHE_BANK_FILE: JSON.stringify(bankFile) },
    metafile: true,
    logLevel: 'warning',
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  fs.mkdirSync(outDir, { recursive: true });
  const replace = (file, text) => {
    const part = `${file}.${process.pid}`;
    fs.writeFileSync(part, text);
    fs.renameSync(part, file);
  };
  // Chunks first: their names change with their contents, so the entry written last never imports a missing one.
  const outputs = [...result.outputFiles].sort((a, b) => (a.path === bundle) - (b.path === bundle));
  for (const out of outputs) replace(out.path, out.contents);
  // Made by the previous code: the new one makes it again at its first run.
  fs.rmSync(bankFile, { force: true });
  replace(path.join(outDir, STAMP_FILE), JSON.stringify({ root, files, fingerprint: fingerprintOf(root, inputs(files)) }));
}

await import(pathToFileURL(bundle).href);
