import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `npm run bench -- NAME` runs bench/NAME.ts, prints its figures and writes them to bench/results/NAME.json.
const here = path.dirname(fileURLToPath(import.meta.url));
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

if (names.length === 0) {
  console.error(`usage: npm run bench -- NAME   (one of: ${available.join(', ')})`);
  process.exit(2);
}
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}" (one of: ${available.join(', ')})`);
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as {
    default: () => Promise<Record<string, unknown>>;
  };
  console.log(`== bench ${name}`);
  const figures = await mod.default();
  const out = path.join(here, 'results', `${name}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const record = { name, at: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, figures };
  fs.writeFileSync(out, JSON.stringify(record, null, 2) + '\n');
  console.log(`written ${path.relative(process.cwd(), out)}`);
}
process.exit(0);
