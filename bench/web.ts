import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRuche } from '../src/app.js';

/**
 * What a browser downloads from a running Ruche, as sent (body bytes, headers aside), with no compression, with
 * gzip only and with brotli: the first page (index.html, its scripts, preloads and styles, and the main texts of its
 * language, fetched by the entry), then what opening the overview (with the areas' texts) and the calendar adds; and
 * every chunk of the build with its size. Needs a built app (npm run build:web).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENCODINGS = { raw: undefined, gzip: 'gzip', br: 'gzip, deflate, br' } as const;
type Weight = { files: number } & Record<keyof typeof ENCODINGS, number>;

function bodyBytes(url: string, acceptEncoding: string | undefined): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

async function weigh(base: string, paths: string[]): Promise<Weight> {
  const weight: Weight = { files: paths.length, raw: 0, gzip: 0, br: 0 };
  for (const p of paths) {
    for (const [name, accept] of Object.entries(ENCODINGS) as Array<[keyof typeof ENCODINGS, string | undefined]>) {
      const res = await bodyBytes(base + p, accept);
      if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
      weight[name] += res.body.length;
    }
  }
  return weight;
}

/** A chunk and the chunks it imports statically, found in its code as Rolldown writes it (`from"./x.js"`). */
async function closure(base: string, start: string): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    const code = (await bodyBytes(base + p, undefined)).body.toString();
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) await visit(`/assets/${m[1]}`);
  };
  await visit(start);
  return [...seen];
}

/** Every script and style sheet of the build, largest first, raw and as gzip sends it (the .gz beside it). */
function chunkSizes(webDir: string) {
  const assets = path.join(webDir, 'assets');
  return fs
    .readdirSync(assets)
    .filter((name) => /\.(?:js|css)$/.test(name))
    .map((name) => {
      const raw = fs.statSync(path.join(assets, name)).size;
      const gz = path.join(assets, `${name}.gz`);
      return { name, raw, gzip: fs.existsSync(gz) ? fs.statSync(gz).size : raw };
    })
    .sort((a, b) => b.raw - a.raw);
}

export default async function bench() {
  const webDir = path.join(root, 'dist/web');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) throw new Error('the web app is not built: npm run build:web');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-web-'));
  const ruche = await startRuche({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, webDir });
  try {
    const base = ruche.url!;
    const html = (await bodyBytes(`${base}/`, undefined)).body.toString();
    const linked = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    const firstFiles = ['/', ...linked];
    const entry = linked.find((p) => p.endsWith('.js'))!;
    const entryCode = (await bodyBytes(base + entry, undefined)).body.toString();
    const staticFirst = (await Promise.all(linked.filter((p) => p.endsWith('.js')).map((p) => closure(base, p)))).flat();
    const firstCode = entryCode + (await Promise.all(staticFirst.map(async (p) => (await bodyBytes(base + p, undefined)).body.toString()))).join('\n');
    // Chunks loaded with import() are named in the code of the first page (the page chunks, the languages).
    const chunk = (name: string) => {
      const found = new RegExp(`(?:assets|\\.)/(${name}-[\\w-]+\\.js)`).exec(firstCode)?.[1];
      if (!found) throw new Error(`no ${name} chunk named in the first page's code`);
      return `/assets/${found}`;
    };
    const firstClosure = new Set(['/', ...staticFirst, ...linked]);
    const adds = async (name: string) => (await closure(base, chunk(name))).filter((p) => !firstClosure.has(p));
    const language = async (lang: string) => [...firstFiles, ...(await adds(lang))];

    const figures = {
      firstPage: await weigh(base, await language('en')),
      firstPageFr: await weigh(base, await language('fr')),
      entryChunk: await weigh(base, [entry]),
      // The first page past sign-in brings the areas' texts too.
      overviewAdds: await weigh(base, [...(await adds('OverviewPage')), ...(await adds('areas-en'))]),
      calendarChunk: await weigh(base, [chunk('CalendarPage')]),
      calendarAdds: await weigh(base, await adds('CalendarPage')),
    };
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`.padStart(9);
    console.log(`${''.padEnd(16)}${'files'.padStart(6)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
    for (const [name, w] of Object.entries(figures)) {
      console.log(`${name.padEnd(16)}${String(w.files).padStart(6)}${kB(w.raw)} ${kB(w.gzip)} ${kB(w.br)}`);
    }
    const chunks = chunkSizes(webDir);
    console.log(`\n${'chunk (first page: *)'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
    for (const c of chunks.slice(0, 25)) console.log(`${(c.name + (firstClosure.has(`/assets/${c.name}`) ? ' *' : '')).padEnd(44)}${kB(c.raw)} ${kB(c.gzip)}`);
    console.log(`(${chunks.length} chunks; all of them in bench/results/web.json)`);
    return { ...figures, chunks };
  } finally {
    await ruche.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
