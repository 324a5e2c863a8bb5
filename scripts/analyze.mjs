#!/usr/bin/env node
/**
 * `npm run analyze`: the analysis command line, run from one JavaScript bundle of its sources rather than through
 * tsx, so that a start compiles nothing (the first answer comes about 200 ms sooner). The bundle is remade when one
 * of the files it was made from has changed, as the web build is (see web-inputs.mjs).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/analyze');
const bundle = path.join(outDir, 'analyze.mjs');
const stampFile = path.join(outDir, 'inputs.json');

function fingerprint(files) {
  const hash = crypto.createHash('sha256');
  // The models' folder is written into the bundle: a project moved elsewhere needs a new one.
  hash.update(root + '\0');
  for (const file of [...files, 'package-lock.json'].sort()) {
    hash.update(file + '\0');
    try {
      hash.update(fs.readFileSync(path.join(root, file)));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}

function upToDate() {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return fs.existsSync(bundle) && Array.isArray(stamp.files) && stamp.fingerprint === fingerprint(stamp.files);
  } catch {
    return false;
  }
}

if (!upToDate()) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'src/cli/analyze-main.ts')],
    outfile: bundle,
    // Written below, whole and then renamed: two first runs at once never read a half-written bundle.
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules, found from dist/ as from src/.
    packages: 'external',
    define: { RUCHE_MODELS_DIR: JSON.stringify(path.join(root, 'src/analysis/models')) },
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
  replace(bundle, result.outputFiles[0].contents);
  replace(stampFile, JSON.stringify({ files, fingerprint: fingerprint(files) }));
}
await import(pathToFileURL(bundle).href);
