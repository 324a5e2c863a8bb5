import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; images and fonts in woff2 are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|wasm)$/;

/**
 * Writes `file.br` and `file.gz` beside every compressible file under `dir`, at the highest levels, since this runs
 * once per build and not per request. A version that would not be smaller is not written (the server then sends
 * the file as it is). Dot files are left alone: they are not served.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = walk(dir).filter((f) => COMPRESSIBLE.test(f) && !path.basename(f).startsWith('.'));
  await Promise.all(
    files.map(async (file) => {
      const raw = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([keepIfSmaller(`${file}.br`, br, raw.length), keepIfSmaller(`${file}.gz`, gz, raw.length)]);
    }),
  );
  return files;
}

async function keepIfSmaller(file: string, data: Buffer, rawLength: number) {
  if (data.length < rawLength) await fs.promises.writeFile(file, data);
  else await fs.promises.rm(file, { force: true });
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : e.isFile() ? [full] : [];
  });
}

/** Compresses the built app once it is written, public files and index.html included. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'ruche-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
