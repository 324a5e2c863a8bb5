import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { STAMP_FILE, fingerprint } from './web-inputs.mjs';

/**
 * Records which of the project's files went into the build, with their fingerprint, so that the next start can
 * tell whether a build is needed. Packages are covered by package-lock.json.
 */
export function buildStamp(root: string, outDir: string): Plugin {
  const files = new Set<string>();
  return {
    name: 'ruche-build-stamp',
    apply: 'build',
    moduleParsed(info) {
      const id = info.id.split('?')[0];
      if (!path.isAbsolute(id) || id.includes(`${path.sep}node_modules${path.sep}`) || !fs.existsSync(id)) return;
      files.add(path.relative(root, id));
    },
    writeBundle() {
      const list = [...files].sort();
      const stamp = { files: list, fingerprint: fingerprint(root, list) };
      fs.writeFileSync(path.join(outDir, STAMP_FILE), JSON.stringify(stamp));
    },
  };
}
